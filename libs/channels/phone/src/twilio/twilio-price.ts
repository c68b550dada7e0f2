/**
 * Twilio reports prices as negative decimal strings in a currency (e.g. "-0.0075", "USD"): the amount
 * charged. Kontakt stores øre: USD at the configured rate (TWILIO_USD_RATE_ORE øre per dollar), DKK
 * directly. Integer arithmetic on micro-units, rounded half up, so no float ever touches money.
 */
export function priceInOre(price: string | null | undefined, unit: string | null | undefined, usdRateOre: number): number | undefined {
  if (price === null || price === undefined || price === '') return undefined;
  const match = /^-?(\d{1,9})(?:\.(\d{1,6}))?$/.exec(price.trim());
  if (!match) return undefined;
  const micros = BigInt(match[1]) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
  const currency = (unit ?? 'USD').toUpperCase();
  const orePerUnit = currency === 'USD' ? BigInt(usdRateOre) : currency === 'DKK' ? 100n : undefined;
  if (orePerUnit === undefined) return undefined;
  return Number((micros * orePerUnit + 500_000n) / 1_000_000n);
}
