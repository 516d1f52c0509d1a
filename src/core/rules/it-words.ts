/**
 * The words of an incident report as full-text search terms, with a small Danish↔English list of
 * IT words, so a Danish and an English report of one problem share terms even where the two
 * languages' words differ ("adgangskode" and "password"). Product names and error codes need no
 * help: they are the same in both languages.
 */

/**
 * Each group is one meaning. Kept to general helpdesk vocabulary (not the names of particular
 * systems): a word in a report brings in the whole group as one search term.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Products and their everyday names, as a helpdesk knows them: one report names the product,
  // another the client or the kind of system ("vpn" and "GlobalProtect", "Navision" and "ERP").
  ['mail', 'mails', 'email', 'emails', 'mailen', 'webmail', 'exchange'],
  ['vpn', 'globalprotect', 'anyconnect', 'forticlient', 'openvpn', 'fjernadgang'],
  ['erp', 'navision', 'nav', 'dynamics'],
  ['crm', 'salesforce', 'sfdc'],
  ['mfa', '2fa', 'authenticator', 'totp', 'otp', 'tofaktor', 'factor'],
  ['printer', 'printers', 'print', 'printing', 'printe', 'printeren', 'printerne', 'udskrift', 'udskrive'],
  ['password', 'passwords', 'adgangskode', 'adgangskoden', 'kodeord'],
  ['network', 'netværk', 'netværket', 'internet', 'internettet', 'nettet'],
  ['wifi', 'wlan', 'wireless', 'trådløst', 'trådløse'],
  // Slow or hanging are one complaint: users say either of the same outage.
  ['slow', 'langsom', 'langsomt', 'crawling', 'sluggish', 'freezes', 'hangs', 'frozen', 'fryser', 'hænger', 'responding'],
  ['calendar', 'kalender', 'kalenderen'],
  ['meeting', 'meetings', 'møde', 'møder', 'mødet'],
  ['call', 'calls', 'opkald', 'ringe'],
  ['phone', 'phones', 'telefon', 'telefonen', 'telefonerne', 'telefoner', '3cx', 'softphone'],
  ['screen', 'monitor', 'skærm', 'skærmen'],
  ['keyboard', 'tastatur', 'tastaturet'],
  ['laptop', 'bærbar', 'bærbare', 'computer', 'computeren'],
  ['door', 'entrance', 'dør', 'døren', 'indgang', 'hoveddøren', 'hovedindgangen'],
  ['card', 'cards', 'badge', 'badges', 'kort', 'kortet', 'adgangskort', 'adgangskortet', 'keycard', 'nøglekort'],
  ['reader', 'readers', 'kortlæser', 'kortlæseren', 'kortlæsere', 'læser', 'læseren'],
  ['open', 'opens', 'opening', 'åbne', 'åbner', 'åbnes'],
  ['red', 'rød', 'rødt', 'røde'],
  ['drive', 'drev', 'drevet', 'fællesdrev', 'fællesdrevet'],
  ['file', 'files', 'fil', 'filer'],
  ['folder', 'mappe', 'mappen'],
  ['update', 'opdatering', 'opdateringen'],
  ['scan', 'scans', 'scanning', 'scanne', 'scanner', 'scanneren'],
  ['copier', 'copiers', 'kopimaskine', 'kopimaskinen', 'kopimaskiner'],
  ['sync', 'syncing', 'synkroniserer', 'synkronisering'],
  ['notification', 'notifications', 'notifikation', 'notifikationer', 'push', 'prompt', 'prompts'],
  ['approve', 'approval', 'godkend', 'godkende', 'godkendelsen'],
  ['login', 'logon', 'logge', 'logger', 'signin', 'sign', 'sso', 'saml'],
  ['reset', 'nulstil', 'nulstille'],
  ['connect', 'connection', 'forbinde', 'forbindelse', 'forbindelsen'],
  ['server', 'serveren'],
  ['registration', 'registered', 'register', 'registrere', 'registreret', 'registrering'],
  ['queue', 'køen'],
  ['upload', 'uploade', 'uploading'],
  ['hours', 'timer', 'timesheet', 'timeregistrering'],
  ['payroll', 'løn', 'lønsystemet', 'lønkørslen'],
  ['invoice', 'invoices', 'faktura', 'fakturaer'],
  ['access', 'adgang'],
  ['appointment', 'appointments', 'aftale', 'aftaler'],
  // How a report says what is wrong: near misses name the same system with another symptom.
  ['disconnected', 'disconnecting', 'disconnects', 'reconnecting', 'drop', 'drops', 'dropped', 'afbrudt', 'afbrydes', 'falder'],
  ['missing', 'gone', 'vanished', 'disappeared', 'forsvundet', 'væk', 'mangler', 'empty', 'tom', 'tomt'],
  // Out of order, however it is put ("down", "fails", "error", "fejler", "times out"): which
  // system is out tells outages apart, not the word for it.
  ['unavailable', 'utilgængelig', 'utilgængeligt', 'offline', 'dead', 'unreachable', 'down', 'nede', 'outage',
    'failed', 'fails', 'failing', 'broken', 'fejlede', 'error', 'errors', 'fejl', 'fejler', 'fejlkode', 'fejlmeddelelse',
    'timeout', 'timed', 'timeouts'],
  ['arriving', 'arrive', 'arrives', 'received', 'receive', 'modtage', 'modtaget', 'modtager'],
  ['rejected', 'rejects', 'denied', 'afvist', 'afviser', 'afvises'],
  ['locked', 'låst', 'spærret'],
  ['blank', 'hvid', 'white'],
];

/**
 * Words every report may carry whatever its problem (greetings, pleas, sign-offs, "does not
 * work"), in both languages: counted, they make unrelated reports look alike.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'hi', 'hello', 'hey', 'dear', 'please', 'pls', 'help', 'thanks', 'thank', 'urgent', 'asap', 'regards', 'team',
  'hej', 'tak', 'mvh', 'venligst', 'hjælp', 'hurtigst', 'muligt', 'haster', 'hilsen',
  'it', 'get', 'got', 'new', 'one', 'since', 'today', 'morning', 'still', 'again', 'anyone', 'everyone',
  'work', 'works', 'working', 'does', 'cannot', 'can', 'not', 'virker', 'kan', 'ikke', 'får', 'fået', 'ny', 'nyt', 'nye',
  'siden', 'morges', 'dag', 'igen', 'alle', 'problem', 'issue', 'stopped',
  // Verbs of reporting and places at a desk, which say nothing about what broke.
  'says', 'say', 'shows', 'show', 'try', 'tried', 'trying', 'takes', 'need', 'needs', 'every', 'siger', 'viser', 'skal', 'prøvet',
  'desk', 'floor', 'room', 'home', 'skrivebord', 'skrivebordet', 'sal', 'hjemme', 'ved', 'få',
  // Who else is hit and for how long: every outage's reports say it, so it tells no outage apart.
  'colleagues', 'colleague', 'kollegaer', 'kolleger', 'kollegerne', 'kollegaerne', 'same', 'samme', 'whole', 'hele',
  'several', 'flere', 'others', 'andre', 'nobody', 'never', 'aldrig', 'minutes', 'minutter', 'department', 'afdeling', 'afdelingen',
  // When and how often: "every time", "hele tiden", "hver gang".
  'time', 'times', 'tiden', 'gang', 'gange', 'hver',
]);

const GROUP_OF = new Map<string, number>();
SYNONYM_GROUPS.forEach((group, index) => group.forEach((word) => GROUP_OF.set(word, index)));

/** At most this many terms per report: a long description adds little but cost. */
export const MAX_TERMS = 48;

/**
 * A sign-off at the end of a report ("Best regards, Anna", "Mvh Jens", "/Ole", "Thanks"): its
 * words, a name above all, say nothing about the problem, yet each would count as a term.
 */
const SIGN_OFF_WORDS = [
  'best regards', 'kind regards', 'warm regards', 'regards', 'cheers', 'thanks', 'thank you',
  'med venlig hilsen', 'venlig hilsen', 'hilsen', 'mvh', 'tak',
];
/** Either case for the words (a report may be all lower case), a capital for the name that follows. */
const anyCase = (words: string) => words.replace(/\p{L}/gu, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, '\\s+');
const SIGN_OFF = new RegExp(
  `(?:[\\s,.!]+(?:${SIGN_OFF_WORDS.map(anyCase).join('|')})[,.!]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2}|\\s+\\/\\s*\\p{L}[\\p{L}-]*)[.!]*\\s*$`,
  'u',
);

/** A report's text with its sign-off left out (one, at the very end). */
export function withoutSignOff(text: string): string {
  return text.replace(SIGN_OFF, '');
}

/** Lower-case words of letters and digits (so error codes like 0x8004de40 and 502 stay whole). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The distinct search terms of a report, each in to_tsquery syntax: a lone word, or a synonym
 * group as alternatives (`password | adgangskode | kodeord`). Words are letters and digits only,
 * so a term can never carry tsquery operators of its own.
 */
export function searchTerms(title: string, description: string): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of wordsOf(`${title} ${withoutSignOff(description)}`)) {
    if (word.length < 2 || FILLER_WORDS.has(word)) continue;
    const group = GROUP_OF.get(word);
    const term = group === undefined ? word : SYNONYM_GROUPS[group].join(' | ');
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/** Words this long are searched as prefixes of their stems (see `searchQuery`). */
const PREFIX_FROM = 4;

/**
 * A search term as a tsquery source: each word of four letters or more as a prefix (`word:*`,
 * applied to its stem), so the two languages' stems of one word meet ("registration" 'registr'
 * and "registreret" 'registrer'), as do a word and its compounds and inflections ("nav" does not,
 * being short; "navision" finds "navisionklienten").
 */
export function searchQuery(term: string): string {
  return term
    .split(' | ')
    .map((word) => (word.length >= PREFIX_FROM ? `${word}:*` : word))
    .join(' | ');
}
