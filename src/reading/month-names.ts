// Month names and their abbreviations in English, German, French, Spanish, Portuguese, Italian, Dutch, Indonesian and Malay.

/** Every spelling, lower-case with accents removed and no trailing dot, → month 1..12. */
const SPELLINGS: ReadonlyArray<readonly [number, string]> = [
  [1, "january jan januar janvier janv enero ene janeiro gennaio gen januari jaenner janner"],
  [2, "february feb febr februar fevrier fevr febrero fevereiro fev febbraio februari"],
  [3, "march mar marz maerz mrz mars marzo marco maart mrt maret mac"],
  [4, "april apr avril avr abril abr aprile"],
  [5, "may mai mayo maio maggio mag mei"],
  [6, "june jun juni juin junio junho giugno giu"],
  [7, "july jul juli juillet juil julio julho luglio lug julai"],
  [8, "august aug aout agosto ago augustus agustus agu agt ogos ogo"],
  [9, "september sep sept septembre septiembre setiembre set setembro settembre"],
  [10, "october oct oktober okt octobre octubre outubro out ottobre ott"],
  [11, "november nov novembre noviembre novembro"],
  [12, "december dec dezember dez decembre diciembre dic dezembro dicembre desember des disember dis"],
];

const MONTHS = new Map<string, number>();
for (const [month, words] of SPELLINGS) for (const word of words.split(" ")) MONTHS.set(word, month);

/** "Okt.", "août", "Sept" → 10, 8, 9; undefined when the word is not a month. */
export function monthOfWord(word: string): number | undefined {
  const folded = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\.$/, "");
  return MONTHS.get(folded);
}
