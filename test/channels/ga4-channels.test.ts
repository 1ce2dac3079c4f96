// GA4's default channel group rules for manual traffic, in Google's order (support.google.com/analytics/answer/9756891), on source / medium pairs as GA4 exports them.
import { describe, expect, it } from "vitest";
import { ga4DefaultChannel, splitSourceMedium } from "../../src/kpi/channels/ga4-default-channel-group";

const channel = (sourceMedium: string, campaign?: string): string | null => {
  const parts = splitSourceMedium(sourceMedium);
  if (parts === null) throw new Error(`not a source / medium: ${sourceMedium}`);
  return ga4DefaultChannel({ ...parts, campaign })?.channel ?? null;
};

describe("GA4 default channel group", () => {
  it.each([
    ["(direct) / (none)", "Direct"],
    ["(direct) / (not set)", "Direct"],
    ["google / cpc", "Paid Search"],
    ["bing / ppc", "Paid Search"],
    ["google / organic", "Organic Search"],
    ["duckduckgo.com / referral", "Organic Search"],
    ["facebook / paid", "Paid Social"],
    ["facebook.com / paid_social", "Paid Social"],
    ["linkedin / cpc", "Paid Social"],
    ["l.facebook.com / referral", "Organic Social"],
    ["newsletter / social", "Organic Social"],
    ["youtube / cpv", "Paid Video"],
    ["youtube.com / referral", "Organic Video"],
    ["partner / display", "Display"],
    ["dv360 / cpm", "Display"],
    ["partner / paid", "Paid Other"],
    ["amazon / cpc", "Paid Shopping"],
    ["mailchimp / email", "Email"],
    ["e-mail / newsletter", "Email"],
    ["awin / affiliate", "Affiliates"],
    ["example.com / referral", "Referral"],
    ["spotify / audio", "Audio"],
    ["twilio / sms", "SMS"],
    ["firebase / notification", "Mobile Push Notifications"],
    ["app / web-push", "Mobile Push Notifications"],
  ])("%s → %s", (sourceMedium, expected) => {
    expect(channel(sourceMedium)).toBe(expected);
  });

  it("reads the campaign where Google's rules do: Cross-network first, then shopping campaigns", () => {
    expect(channel("google / cpc", "PMax cross-network Q3")).toBe("Cross-network");
    expect(channel("google / cpc", "Summer shopping")).toBe("Paid Shopping");
    expect(channel("google / cpc", "Workshop leads")).toBe("Paid Search");
  });

  it("ignores case as GA4 does, and leaves what no rule matches unassigned", () => {
    expect(channel("Google / CPC")).toBe("Paid Search");
    expect(channel("hs_email / something")).toBeNull();
    expect(channel("(not set) / (not set)")).toBeNull();
  });

  it("splits source / medium as GA4 writes it", () => {
    expect(splitSourceMedium("(direct) / (none)")).toEqual({ source: "(direct)", medium: "(none)" });
    expect(splitSourceMedium("google/cpc")).toEqual({ source: "google", medium: "cpc" });
    expect(splitSourceMedium("Organic Search")).toBeNull();
  });
});
