/**
 * Deterministic `enrichmentData` per (seed, entity, integration): nested objects, arrays, long
 * strings and values Sheets would re-parse if they were not written as literal text.
 *
 * Hostile values by the entity's registration ordinal `n` (1-based):
 *  - n % 4 === 1: the legal / full name is a formula, `=HYPERLINK("http://evil.example","Ñandú")`
 *  - every phone starts with `+` (`+54 11 4xxx-xxxx`, `+55 11 9xxxx-xxxx`, ...)
 *  - n % 3 === 0: the tax id has leading zeros (`00` + digits); person document numbers are
 *    always zero-padded to 8 digits (`04...`); postal codes keep leading zeros (`01310-100`)
 *  - n % 5 === 2: the first officer's role is `-CEO` (read as a formula by Sheets)
 *  - n % 10 === 7: `notes` is a 60,000-character string (over the 50,000-char cell limit)
 *  - always: unicode names (`Compañía`, `São Paulo`, `Łódź`, `北京`), a `yyyy-mm` period that
 *    Sheets would turn into a date, and a 19-digit registry number that would lose precision
 */
import { Rng } from '../openprospect/prng';
import type { IntegrationDef } from './catalogue';
import type { SimEntity } from './model';

export const HOSTILE_NAME = '=HYPERLINK("http://evil.example","Ñandú")';
export const LONG_NOTES_LENGTH = 60_000;

const FIRST = ['María José', 'João', 'Łukasz', 'Zoë', 'Ñusta', 'Sebastián', 'Ana Carolina', '李娜', 'François', 'Görkem'];
const LAST = ['Fernández', 'Gonçalves', 'Müller', 'Pérez Núñez', "O'Connor", 'Da Silva', 'Łopieński', '王', 'Håkansson', 'Ibáñez'];
const COMPANY_WORDS = [
  'Compañía Ñandú',
  'Ação Verde',
  'Łódź Trading',
  'Andes Minería',
  'Río de la Plata Logística',
  '北京 Import',
  'Café São Jorge',
  'Pampa Agro',
  'Zürich Finanz',
  'Selva Digital 🚀',
];
const LEGAL_FORMS: Record<string, string[]> = {
  AR: ['S.A.', 'S.R.L.', 'S.A.S.'],
  BR: ['Ltda.', 'S.A.', 'EIRELI'],
  MX: ['S.A. de C.V.', 'S. de R.L.'],
  CO: ['S.A.S.', 'Ltda.'],
  CL: ['SpA', 'Ltda.'],
};
const CITIES: Record<string, Array<[string, string, string]>> = {
  AR: [
    ['Buenos Aires', 'CABA', 'C1043'],
    ['Córdoba', 'Córdoba', 'X5000'],
    ['Rosario', 'Santa Fe', 'S2000'],
  ],
  BR: [
    ['São Paulo', 'SP', '01310-100'],
    ['Rio de Janeiro', 'RJ', '01020-000'],
    ['Belo Horizonte', 'MG', '03012-010'],
  ],
  MX: [
    ['Ciudad de México', 'CDMX', '06600'],
    ['Guadalajara', 'Jalisco', '04410'],
  ],
  CO: [
    ['Bogotá', 'Cundinamarca', '01100'],
    ['Medellín', 'Antioquia', '050001'],
  ],
  CL: [['Santiago', 'RM', '08320000']],
};
const PHONE: Record<string, string> = { AR: '+54 11', BR: '+55 11', MX: '+52 55', CO: '+57 1', CL: '+56 2' };
const TAX_ID_TYPE: Record<string, string> = { AR: 'CUIT', BR: 'CNPJ', MX: 'RFC', CO: 'NIT', CL: 'RUT' };
const ACTIVITIES = [
  ['620100', 'Servicios de consultores en informática'],
  ['461000', 'Venta al por mayor en comisión o consignación'],
  ['4711-3/02', 'Comércio varejista de mercadorias em geral'],
  ['011111', 'Cultivo de trigo'],
  ['692000', 'Servicios de contabilidad, auditoría y asesoría fiscal'],
];
const POSITIONS = ['Ministro de Economía', 'Diputado Nacional', 'Secretário de Estado', 'Intendente', 'Juez Federal'];
const SOURCES = ['Boletín Oficial', 'Diário Oficial da União', 'OpenSanctions', 'World-Check'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function digits(rng: Rng, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(rng.int(0, 9));
  return s;
}

function countryOf(entity: SimEntity, def: IntegrationDef): string {
  return def.country ?? entity.country ?? 'AR';
}

function phone(rng: Rng, country: string): string {
  return `${PHONE[country] ?? '+1 212'} ${rng.int(4000, 9999)}-${pad(rng.int(0, 9999), 4)}`;
}

function personName(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST), last: rng.pick(LAST) };
}

function longNotes(name: string): string {
  const unit = `Registro ampliado de ${name}: antecedentes, balances y actas societarias. `;
  return unit.repeat(Math.ceil(LONG_NOTES_LENGTH / unit.length)).slice(0, LONG_NOTES_LENGTH);
}

function address(rng: Rng, country: string): Record<string, unknown> {
  const [city, state, postalCode] = rng.pick(CITIES[country] ?? CITIES['AR'] ?? [['Buenos Aires', 'CABA', 'C1043']]);
  return {
    street: rng.pick(['Av. Corrientes', 'Rua Augusta', 'Calle 93', 'Av. Insurgentes Sur', 'Carrera 7']),
    number: String(rng.int(1, 4999)),
    city,
    state,
    postalCode,
    country,
  };
}

function company(rng: Rng, e: SimEntity, def: IntegrationDef): Record<string, unknown> {
  const country = countryOf(e, def);
  const base = e.name ?? `${rng.pick(COMPANY_WORDS)} ${rng.pick(LEGAL_FORMS[country] ?? ['S.A.'])}`;
  const legalName = e.ordinal % 4 === 1 ? HOSTILE_NAME : base;
  const taxId = e.ordinal % 3 === 0 ? `00${digits(rng, 9)}` : `${rng.int(20, 33)}${digits(rng, 9)}`;
  const officers = Array.from({ length: rng.int(1, 3) }, (_, i) => {
    const p = personName(rng);
    return {
      name: `${p.first} ${p.last}`,
      role: i === 0 && e.ordinal % 5 === 2 ? '-CEO' : rng.pick(['Presidente', 'Director', 'Sócio-Administrador', 'Gerente General']),
      since: `${rng.int(1998, 2024)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
    };
  });
  const data: Record<string, unknown> = {
    company: {
      legalName,
      tradeName: base.replace(/ (S\.A\.|S\.R\.L\.|Ltda\.|S\.A\.S\.|SpA|EIRELI|S\.A\. de C\.V\.|S\. de R\.L\.)$/, ''),
      taxId,
      taxIdType: TAX_ID_TYPE[country] ?? 'TAX_ID',
      status: rng.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'INACTIVE']),
      incorporationDate: `${rng.int(1960, 2022)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
      address: address(rng, country),
      activities: Array.from({ length: rng.int(1, 3) }, (_, i) => {
        const [code, description] = rng.pick(ACTIVITIES);
        return { code, description, primary: i === 0 };
      }),
      capital: { amount: rng.pick([100_000, 1_500_000, 25_000_000]), currency: { AR: 'ARS', BR: 'BRL', MX: 'MXN', CO: 'COP', CL: 'CLP' }[country] ?? 'USD' },
    },
    officers,
    contact: { phones: [phone(rng, country), phone(rng, country)], email: `contacto@empresa-${e.ordinal}.example` },
    registry: { source: def.name, registryNumber: `${rng.int(1, 9)}${digits(rng, 18)}`, fiscalPeriod: `2025-${pad(rng.int(1, 12), 2)}` },
    tags: ['kyb', country.toLowerCase(), e.ordinal % 2 === 0 ? 'sme' : 'corporate'],
  };
  if (e.ordinal % 10 === 7) data['notes'] = longNotes(base);
  return data;
}

function person(rng: Rng, e: SimEntity, def: IntegrationDef): Record<string, unknown> {
  const country = countryOf(e, def);
  const p = personName(rng);
  const fullName = e.ordinal % 4 === 1 ? HOSTILE_NAME : (e.name ?? `${p.first} ${p.last}`);
  return {
    person: {
      fullName,
      firstName: p.first,
      lastName: p.last,
      documentNumber: pad(rng.int(1_000_000, 49_999_999), 8).replace(/^./, '0'),
      birthDate: `${rng.int(1950, 2004)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
      nationality: country,
      deceased: false,
      address: address(rng, country),
    },
    validation: { documentValid: true, nameMatchScore: Math.round(rng.next() * 100) / 100, checkedAgainst: def.name },
    contact: { phones: [phone(rng, country)] },
  };
}

function pep(rng: Rng, e: SimEntity): Record<string, unknown> {
  const isPep = e.ordinal % 6 === 5;
  const matches = isPep
    ? [
        {
          name: e.ordinal % 4 === 1 ? HOSTILE_NAME : `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
          position: rng.pick(POSITIONS),
          country: e.country ?? 'AR',
          since: `${rng.int(2005, 2023)}-${pad(rng.int(1, 12), 2)}`,
          source: rng.pick(SOURCES),
          score: 0.91,
        },
      ]
    : [];
  return { isPep, riskLevel: isPep ? 'high' : 'low', matches, screenedLists: ['PEP Argentina', 'PEP Brasil', 'Global PEP'] };
}

function sanctions(rng: Rng, e: SimEntity): Record<string, unknown> {
  const hit = e.ordinal % 13 === 11;
  return {
    hit,
    listsChecked: ['OFAC SDN', 'UN Consolidated', 'EU Consolidated', 'UK HMT'],
    matches: hit ? [{ list: 'OFAC SDN', name: `${rng.pick(COMPANY_WORDS)}`, score: 0.87, programs: ['SDNTK', 'GLOMAG'] }] : [],
    screenedAt: '2026-01-05T09:00:00Z',
  };
}

function media(rng: Rng, e: SimEntity): Record<string, unknown> {
  const articles = Array.from({ length: rng.int(0, 3) }, () => ({
    title: `${rng.pick(COMPANY_WORDS)}: investigación por ${rng.pick(['lavado de dinero', 'evasión fiscal', 'fraude'])}`,
    url: `https://news.example/${e.ordinal}/${rng.int(1000, 9999)}`,
    publishedAt: `2025-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
    sentiment: rng.pick(['negative', 'neutral']),
  }));
  return {
    articles,
    articleCount: articles.length,
    overview: articles.length === 0 ? 'No adverse media found.' : `${articles.length} articles mention the entity.`,
  };
}

/** The data an integration returns for an entity (the same every time for a seed). */
export function enrichmentData(seed: number, e: SimEntity, def: IntegrationDef): unknown {
  const rng = new Rng(seed, 'gu1-data', e.externalId, def.code);
  switch (def.kind) {
    case 'company':
      return company(rng, e, def);
    case 'person':
      return person(rng, e, def);
    case 'pep':
      return pep(rng, e);
    case 'sanctions':
      return sanctions(rng, e);
    default:
      return media(rng, e);
  }
}

/** Top-level keys of the data that hold something (the documented `fieldsEnriched`). */
export function fieldsEnriched(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v)) for (const sub of Object.keys(v)) out.push(`${k}.${sub}`);
    else out.push(k);
  }
  return out;
}
