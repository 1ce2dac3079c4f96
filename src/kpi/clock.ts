// Today's date as a spreadsheet serial, behind an interface so goal functions can be tested on a fixed day.
import { dateToSerial } from "./dates";

export interface Clock {
  /** Today's serial as TODAY() shows it: a whole day in the spreadsheet's time zone. */
  today(): number;
}

/** Apps Script runs in the script's time zone, so the local calendar day is the sheet's day. */
export const systemClock: Clock = { today: () => Math.floor(dateToSerial(new Date())) };

export function fixedClock(serial: number): Clock {
  return { today: () => serial };
}
