import { builder } from './builder';

/** An amount in the currency's minor unit (pence, cents): never a float. */
export interface MoneyShape {
  minorUnits: number;
  currency: string;
}

export function money(minorUnits: number, currency: string): MoneyShape {
  return { minorUnits, currency };
}

export const Money = builder.objectRef<MoneyShape>('Money').implement({
  description: 'An amount of money in minor units (pence, cents), with its currency. Never a float.',
  fields: (t) => ({
    minorUnits: t.field({ type: 'SafeInt', resolve: (m) => m.minorUnits }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code, e.g. GBP or USD.' }),
    decimal: t.string({
      description: 'The amount in major units as an exact decimal string, e.g. "1250.00".',
      resolve: (m) => formatDecimal(m.minorUnits),
    }),
  }),
});

function formatDecimal(minorUnits: number): string {
  const sign = minorUnits < 0 ? '-' : '';
  const absolute = Math.abs(minorUnits);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
