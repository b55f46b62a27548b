/** Word lists for deterministic generated data. */

/** First halves of generated company names. */
export const NAME_HEADS = [
  'Cloud',
  'Data',
  'Nord',
  'Alpen',
  'Rhein',
  'Spree',
  'Isar',
  'Hanse',
  'Blau',
  'Stern',
  'Nova',
  'Vektor',
  'Quantum',
  'Linden',
  'Falken',
  'Elb',
  'Berg',
  'Donau',
  'Silber',
  'Kupfer',
  'Ostsee',
  'Main',
  'Neckar',
  'Weser',
] as const;

/** Second halves of generated company names. */
export const NAME_TAILS = [
  'Ops',
  'Werk',
  'Logistik',
  'Systeme',
  'Software',
  'Analytics',
  'Consulting',
  'Labs',
  'Technik',
  'Solutions',
  'Digital',
  'Hotels',
  'Medien',
  'Energie',
  'Bau',
  'Pharma',
  'Finanz',
  'Robotics',
  'Foods',
  'Textil',
  'Mobility',
  'Security',
  'Cloudware',
  'Partners',
] as const;

/** Hostile company names (unicode, formula-like) used on a deterministic subset of discovery candidates. */
export const HOSTILE_NAMES = [
  'Müller & Söhne GmbH',
  '株式会社サクラテック',
  '=HYPERLINK("http://evil","x")',
  'Zürcher Präzisions AG',
  'Ærø Teknik ApS',
  'Łódź Logistyka Sp. z o.o.',
  '+49 Holding GmbH',
  "L'Atelier Crème SARL",
] as const;

/** Legal forms by canonical country. */
export const LEGAL_FORMS: Record<string, readonly string[]> = {
  Germany: ['GmbH', 'AG', 'GmbH & Co. KG', 'UG (haftungsbeschränkt)'],
  Austria: ['GmbH', 'AG', 'KG'],
  Switzerland: ['AG', 'GmbH', 'SA'],
};
/** Legal forms for other countries. */
export const DEFAULT_LEGAL_FORMS = ['Ltd', 'Inc.', 'LLC'] as const;

/** Cities by canonical country. */
export const CITIES: Record<string, readonly string[]> = {
  Germany: ['Berlin', 'Munich', 'Hamburg', 'Köln', 'Dresden', 'Frankfurt am Main', 'Stuttgart', 'Leipzig', 'Düsseldorf'],
  Austria: ['Vienna', 'Graz', 'Innsbruck', 'Salzburg', 'Linz'],
  Switzerland: ['Zurich', 'Geneva', 'Basel', 'Bern', 'Lausanne'],
};
/** Cities for other countries. */
export const DEFAULT_CITIES = ['Springfield', 'Riverside', 'Lakeside', 'Fairview'] as const;

/** Country canonicalisation (names, local names, ISO-2/ISO-3 codes). */
export const COUNTRY_ALIASES: Record<string, string> = {
  germany: 'Germany',
  de: 'Germany',
  deu: 'Germany',
  deutschland: 'Germany',
  austria: 'Austria',
  at: 'Austria',
  aut: 'Austria',
  österreich: 'Austria',
  oesterreich: 'Austria',
  switzerland: 'Switzerland',
  ch: 'Switzerland',
  che: 'Switzerland',
  schweiz: 'Switzerland',
  suisse: 'Switzerland',
};

/** International dialling prefixes. */
export const PHONE_PREFIX: Record<string, string> = { Germany: '+49', Austria: '+43', Switzerland: '+41' };
/** Top-level domains by country. */
export const TLD: Record<string, string> = { Germany: 'de', Austria: 'at', Switzerland: 'ch' };
/** Area codes by city. */
export const AREA_CODES: Record<string, string> = {
  Berlin: '30',
  Munich: '89',
  Hamburg: '40',
  Köln: '221',
  Dresden: '351',
  'Frankfurt am Main': '69',
  Stuttgart: '711',
  Leipzig: '341',
  Düsseldorf: '211',
  Vienna: '1',
  Graz: '316',
  Innsbruck: '512',
  Salzburg: '662',
  Linz: '732',
  Zurich: '44',
  Geneva: '22',
  Basel: '61',
  Bern: '31',
  Lausanne: '21',
};

/** Generated business types. */
export const BUSINESS_TYPES = [
  'B2B SaaS',
  'Hotel',
  'Logistics',
  'Manufacturing',
  'Consulting',
  'Retail',
  'Healthcare',
  'Financial Services',
  'Construction',
  'Media',
  'Energy',
  'Food & Beverage',
] as const;

/** Street names. */
export const STREETS = ['Friedrichstraße', 'Hauptstraße', 'Bahnhofstraße', 'Königsallee', 'Marienplatz', 'Mariahilfer Straße', 'Bahnhofplatz'] as const;

/** Prospect first names (with unicode). */
export const FIRST_NAMES = ['Maria', 'Thomas', 'Anna', 'Jürgen', 'Zoë', 'Lukas', 'Sophie', 'Mehmet', 'Ingrid', 'Łukasz', 'Chloé', 'Jan', '美咲'] as const;
/** Prospect last names (with unicode). */
export const LAST_NAMES = ['Schmidt', 'Weber', 'Müller', 'Fischer', 'Özdemir', 'Wagner', 'Becker', 'Hoffmann', "O'Brien", 'Šimek', '佐藤'] as const;

/** Ordinary job titles. */
export const JOB_TITLES = [
  'General Manager',
  'CEO',
  'CTO',
  'Head of Sales',
  'VP Marketing',
  'Managing Director',
  'Geschäftsführer',
  'Head of Procurement',
  'COO',
  'Sales Director',
] as const;
/** Job titles a spreadsheet would misread as formulas. */
export const HOSTILE_JOB_TITLES = ['- Head of Sales', '+Sales Lead', '=Chief Revenue Officer', '@Marketing'] as const;

/** Web technologies. */
export const TECHNOLOGIES = [
  'WordPress',
  'Google Analytics',
  'Cloudflare',
  'React',
  'AWS',
  'Kubernetes',
  'HubSpot',
  'Shopify',
  'jQuery',
  'Google Tag Manager',
  'Matomo',
  'Vue.js',
  'Salesforce',
  'Stripe',
] as const;

/** Match reasons (ANALYSIS). */
export const MATCH_REASONS = ['Industry match', 'Size match', 'Location match', 'Growth signals', 'Technology fit', 'Hiring signals'] as const;
/** Social media platforms. */
export const SOCIAL_PLATFORMS = ['linkedin', 'facebook', 'instagram', 'twitter', 'xing', 'youtube'] as const;
/** Prospect email types (EMAIL_DISCOVERY). */
export const EMAIL_TYPES = ['PERSONAL', 'GENERAL', 'ROLE'] as const;
