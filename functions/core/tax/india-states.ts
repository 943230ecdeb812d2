/**
 * India's states and union territories: GST state code (the first two digits
 * of a GSTIN), ISO 3166-2:IN code and name. `97` is "Other Territory", `96`
 * (not listed) a place of supply outside India.
 */
const STATES: readonly [code: string, iso: string, name: string][] = [
  ['01', 'JK', 'Jammu and Kashmir'],
  ['02', 'HP', 'Himachal Pradesh'],
  ['03', 'PB', 'Punjab'],
  ['04', 'CH', 'Chandigarh'],
  ['05', 'UT', 'Uttarakhand'],
  ['06', 'HR', 'Haryana'],
  ['07', 'DL', 'Delhi'],
  ['08', 'RJ', 'Rajasthan'],
  ['09', 'UP', 'Uttar Pradesh'],
  ['10', 'BR', 'Bihar'],
  ['11', 'SK', 'Sikkim'],
  ['12', 'AR', 'Arunachal Pradesh'],
  ['13', 'NL', 'Nagaland'],
  ['14', 'MN', 'Manipur'],
  ['15', 'MZ', 'Mizoram'],
  ['16', 'TR', 'Tripura'],
  ['17', 'ML', 'Meghalaya'],
  ['18', 'AS', 'Assam'],
  ['19', 'WB', 'West Bengal'],
  ['20', 'JH', 'Jharkhand'],
  ['21', 'OR', 'Odisha'],
  ['22', 'CT', 'Chhattisgarh'],
  ['23', 'MP', 'Madhya Pradesh'],
  ['24', 'GJ', 'Gujarat'],
  ['26', 'DH', 'Dadra and Nagar Haveli and Daman and Diu'],
  ['27', 'MH', 'Maharashtra'],
  ['29', 'KA', 'Karnataka'],
  ['30', 'GA', 'Goa'],
  ['31', 'LD', 'Lakshadweep'],
  ['32', 'KL', 'Kerala'],
  ['33', 'TN', 'Tamil Nadu'],
  ['34', 'PY', 'Puducherry'],
  ['35', 'AN', 'Andaman and Nicobar Islands'],
  ['36', 'TG', 'Telangana'],
  ['37', 'AP', 'Andhra Pradesh'],
  ['38', 'LA', 'Ladakh'],
  ['97', 'OT', 'Other Territory'],
];

/** The GST place-of-supply code of a supply outside India. */
export const OUTSIDE_INDIA = '96';

const byKey = new Map<string, string>(
  STATES.flatMap(([code, iso, name]) => [
    [code, code],
    [iso, code],
    [`IN-${iso}`, code],
    [name.toUpperCase(), code],
  ]),
);

/** The GST state code of an address region: `29`, `KA`, `IN-KA` or `Karnataka`; undefined when it names no state. */
export const gstStateCode = (region: string | undefined): string | undefined => (region === undefined ? undefined : byKey.get(region.trim().toUpperCase()));
