/**
 * The gu1 marketplace as the simulator sells it: integration codes with a price in cents, a
 * latency and the country they cover (null = global), and the enrichment groups an organization
 * configured in the Marketplace UI. Codes follow the documented examples (`ar_afip_enrichment`,
 * `br_cpfcnpj_complete_company_enrichment`); the add-on treats them as opaque strings.
 */

/** What an integration returns, which decides the shape of its `enrichmentData`. */
export type IntegrationKind = 'company' | 'person' | 'pep' | 'sanctions' | 'media';

/** One marketplace integration. */
export interface IntegrationDef {
  code: string;
  name: string;
  kind: IntegrationKind;
  /** Price of one fresh execution. */
  costCents: number;
  /** Typical execution time of one fresh execution (a deterministic ±10 % is added). */
  latencyMs: number;
  /** ISO country the integration covers; null for global screening lists. */
  country: string | null;
  /** Whether the simulated organization has it enabled (unknown and not enabled both give 400). */
  enabled: boolean;
}

/** An enrichment group: a slug and a UUID that both expand to the stored codes, in order. */
export interface GroupDef {
  id: string;
  slug: string;
  name: string;
  codes: string[];
}

/** The default catalogue. `cl_sii_company_enrichment` exists but is not enabled for the organization. */
export const DEFAULT_CATALOGUE: readonly IntegrationDef[] = Object.freeze([
  { code: 'ar_afip_enrichment', name: 'AFIP Argentina company registry', kind: 'company', costCents: 45, latencyMs: 1_800, country: 'AR', enabled: true },
  {
    code: 'ar_renaper_person_validation',
    name: 'RENAPER Argentina identity validation',
    kind: 'person',
    costCents: 60,
    latencyMs: 2_200,
    country: 'AR',
    enabled: true,
  },
  {
    code: 'br_cpfcnpj_complete_company_enrichment',
    name: 'Receita Federal CNPJ complete company data',
    kind: 'company',
    costCents: 80,
    latencyMs: 2_500,
    country: 'BR',
    enabled: true,
  },
  { code: 'br_cpf_person_enrichment', name: 'Receita Federal CPF person data', kind: 'person', costCents: 35, latencyMs: 1_500, country: 'BR', enabled: true },
  { code: 'mx_sat_rfc_validation', name: 'SAT Mexico RFC validation', kind: 'company', costCents: 30, latencyMs: 1_200, country: 'MX', enabled: true },
  {
    code: 'co_rues_company_enrichment',
    name: 'RUES Colombia company registry',
    kind: 'company',
    costCents: 40,
    latencyMs: 1_600,
    country: 'CO',
    enabled: true,
  },
  { code: 'cl_sii_company_enrichment', name: 'SII Chile company registry', kind: 'company', costCents: 50, latencyMs: 1_700, country: 'CL', enabled: false },
  { code: 'global_pep_screening', name: 'Global PEP screening', kind: 'pep', costCents: 25, latencyMs: 900, country: null, enabled: true },
  {
    code: 'global_sanctions_screening',
    name: 'Global sanctions lists (OFAC, UN, EU)',
    kind: 'sanctions',
    costCents: 20,
    latencyMs: 800,
    country: null,
    enabled: true,
  },
  { code: 'global_adverse_media', name: 'Adverse media screening', kind: 'media', costCents: 50, latencyMs: 3_000, country: null, enabled: true },
] satisfies IntegrationDef[]);

/** The default groups (slug or UUID). `kyb-argentina` expands to three codes. */
export const DEFAULT_GROUPS: readonly GroupDef[] = Object.freeze([
  {
    id: '6f1c2a9e-3b4d-4e8f-9a10-2b3c4d5e6f70',
    slug: 'kyb-argentina',
    name: 'KYB Argentina',
    codes: ['ar_afip_enrichment', 'global_sanctions_screening', 'global_pep_screening'],
  },
  {
    id: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
    slug: 'kyc-brazil',
    name: 'KYC Brazil',
    codes: ['br_cpf_person_enrichment', 'global_pep_screening', 'global_sanctions_screening'],
  },
  {
    id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    slug: 'screening',
    name: 'Screening only',
    codes: ['global_pep_screening', 'global_sanctions_screening'],
  },
] satisfies GroupDef[]);
