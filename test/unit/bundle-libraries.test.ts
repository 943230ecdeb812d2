import { beforeAll, describe, expect, it } from 'vitest';
import { consumers } from '../../functions/core/consumers.ts';
import type { Needs } from '../../functions/core/needs.ts';
import type { Route } from '../../functions/core/route-spec.ts';
import { schedules } from '../../functions/core/schedules.ts';
import { subscribers } from '../../functions/core/subscribers.ts';
import { type BesideBundle, besideBundle } from '../../lib/settings/bundling.ts';
import { entryFile, functionGroups, groupEntry } from '../../lib/settings/function-groups.ts';
import { bundleContents } from '../../scripts/bundle-handler.ts';

interface Deployed {
  name: string;
  entry: string;
  needs: Needs;
  renders?: Route['renders'];
  beside?: BesideBundle;
}

/** Each heavy library, and what allows a function to carry it: a need or a route's `renders`. */
const heavyLibraries: Record<string, { allowedBy: string; allows: (fn: Deployed) => boolean }> = {
  stripe: { allowedBy: 'the stripe need', allows: (fn) => fn.needs.stripe === true },
  'sanitize-html': { allowedBy: "the email need or renders: 'mail'", allows: (fn) => fn.needs.email === true || fn.renders === 'mail' },
  postcss: { allowedBy: "the email need or renders: 'mail'", allows: (fn) => fn.needs.email === true || fn.renders === 'mail' },
  htmlparser2: { allowedBy: "the email need or renders: 'mail'", allows: (fn) => fn.needs.email === true || fn.renders === 'mail' },
  // A PDF prints a QR code too: India's signed e-invoice QR (and a Factur-X holds that PDF).
  qrcode: { allowedBy: "renders: 'qrCode', 'pdf' or 'eInvoice'", allows: (fn) => fn.renders === 'qrCode' || fn.renders === 'pdf' || fn.renders === 'eInvoice' },
  pngjs: { allowedBy: "renders: 'qrCode', 'pdf' or 'eInvoice'", allows: (fn) => fn.renders === 'qrCode' || fn.renders === 'pdf' || fn.renders === 'eInvoice' },
  pdfkit: { allowedBy: "renders: 'pdf' or 'eInvoice'", allows: (fn) => fn.renders === 'pdf' || fn.renders === 'eInvoice' },
  fontkit: { allowedBy: "renders: 'pdf' or 'eInvoice'", allows: (fn) => fn.renders === 'pdf' || fn.renders === 'eInvoice' },
  '@e-invoice-eu/core': { allowedBy: "renders: 'eInvoice'", allows: (fn) => fn.renders === 'eInvoice' },
  '@cantoo/pdf-lib': { allowedBy: "renders: 'eInvoice'", allows: (fn) => fn.renders === 'eInvoice' },
  // Aliased to a stub in the e-invoice bundle (lib/settings/bundling.ts): no function carries it.
  '@e965/xlsx': { allowedBy: 'nothing', allows: () => false },
};

const deployed: Deployed[] = [
  ...functionGroups().map((group) => ({ name: group.name, entry: groupEntry(group), needs: group.needs, renders: group.renders, beside: besideBundle(group) })),
  ...Object.entries({ ...consumers, ...schedules, ...subscribers }).map(([name, spec]) => ({ name, entry: entryFile(spec.entry), needs: spec.needs as Needs })),
];
const contents = new Map<string, Promise<Awaited<ReturnType<typeof bundleContents>>>>();
const contentsOf = (fn: Deployed) => {
  if (!contents.has(fn.name)) contents.set(fn.name, bundleContents(fn.entry, fn.beside));
  return contents.get(fn.name)!;
};

describe("each deployed function's bundle", () => {
  // Bundled once, together, before the checks (esbuild takes seconds per function on a busy machine).
  beforeAll(() => Promise.all(deployed.map(contentsOf)), 600_000);

  it.each(deployed.map((fn) => [fn.name, fn] as const))('%s holds only the heavy libraries its routes need', async (_name, fn) => {
    const { packages } = await contentsOf(fn);
    const unneeded = Object.entries(heavyLibraries)
      .filter(([library, rule]) => packages.has(library) && !rule.allows(fn))
      .map(([library, rule]) => `${library} (allowed by ${rule.allowedBy})`);
    expect(unneeded).toEqual([]);
  });

  it.each(deployed.map((fn) => [fn.name, fn] as const))("%s calls the portal pool's Admin API exactly when it has the admin grant", async (_name, fn) => {
    const { code } = await contentsOf(fn);
    const adminCalls = [...new Set([...code.matchAll(/new (Admin\w+Command)\(/g)].map((match) => match[1]))];
    expect({ adminCalls, admin: adminCalls.length > 0 }).toEqual({ adminCalls, admin: fn.needs.portalPool === 'admin' });
  });

  it('the table catches a library where it does not belong', async () => {
    const listFunction = deployed.find((fn) => fn.name === 'PortalPersonTableRead')!;
    const stripeFunction = deployed.find((fn) => fn.needs.stripe === true)!;
    expect((await contentsOf(stripeFunction)).packages.has('stripe')).toBe(true);
    expect(heavyLibraries.stripe!.allows(listFunction)).toBe(false);
  });
});
