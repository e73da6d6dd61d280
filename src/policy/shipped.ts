// The data the product ships: the plan as a policy package, and the sample catalog (demo data,
// not the official 补贴目录), both checked once when first used.
import { z } from 'zod';
import { InputError, catalogEntrySchema, checkCatalog, entrepreneurshipTypeSchema } from './evaluate-input.ts';
import type { ReferenceData } from './engine/evaluate-batch.ts';
import { PolicySet } from './policy-package.ts';
import panzhihua from './packages/panzhihua-2020-2021.json' with { type: 'json' };
import sampleCatalog from './packages/sample-catalog.json' with { type: 'json' };

export const SHIPPED_PACKAGES: readonly unknown[] = [panzhihua];

let policies: PolicySet | undefined;
let reference: ReferenceData | undefined;

export function shippedPolicies(): PolicySet {
  policies ??= new PolicySet([...SHIPPED_PACKAGES]);
  return policies;
}

/** The sample catalog and entrepreneurship types, validated like a file's own. */
export function shippedReferenceData(): ReferenceData {
  if (reference) return reference;
  const schema = z
    .object({ catalog: z.array(catalogEntrySchema), entrepreneurshipTypes: z.array(entrepreneurshipTypeSchema) })
    .superRefine((d, ctx) =>
      checkCatalog(d.catalog, d.entrepreneurshipTypes, shippedPolicies(), ctx, { catalog: ['catalog'], types: ['entrepreneurshipTypes'] }),
    );
  const parsed = schema.safeParse(sampleCatalog);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((i) => ({ path: `sample-catalog.${i.path.join('.')}`, message: i.message })));
  }
  reference = parsed.data;
  return parsed.data;
}
