/**
 * The helpdesk vocabulary the look-alike search reads reports with (rules/it-words.ts): Danish and
 * English words of one meaning grouped, and the words every report may carry whatever its problem.
 * Plain data, kept apart from the code that reads it; tests/unit/similarity.test.ts holds that no
 * word is in two groups, or in a group and the fillers.
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
  ['wifi', 'wlan', 'wireless', 'trådløs', 'trådløst', 'trådløse', 'eduroam'],
  // Slow or hanging are one complaint: users say either of the same outage.
  ['slow', 'langsom', 'langsomt', 'crawling', 'sluggish', 'freezes', 'hangs', 'frozen', 'fryser', 'hænger', 'responding',
    'freeze', 'freezing', 'hang', 'hanging', 'lagging', 'sløv', 'sløvt', 'træg', 'trægt', 'svarer'],
  ['calendar', 'kalender', 'kalenderen'],
  ['meeting', 'meetings', 'møde', 'møder', 'mødet', 'møderne', 'videomøde', 'videomøder'],
  ['call', 'calls', 'calling', 'opkald', 'opkaldet', 'opkaldene', 'ringe', 'ringer'],
  ['phone', 'phones', 'telefon', 'telefonen', 'telefonerne', 'telefoner', '3cx', 'softphone'],
  ['screen', 'screens', 'monitor', 'display', 'skærm', 'skærmen', 'skærme', 'skærmene', 'displayet'],
  ['keyboard', 'tastatur', 'tastaturet'],
  ['laptop', 'bærbar', 'bærbare', 'computer', 'computeren'],
  ['door', 'entrance', 'dør', 'døren', 'indgang', 'indgangen', 'hoveddøren', 'hovedindgangen'],
  ['card', 'cards', 'badge', 'badges', 'kort', 'kortet', 'adgangskort', 'adgangskortet', 'keycard', 'nøglekort'],
  ['reader', 'readers', 'kortlæser', 'kortlæseren', 'kortlæsere', 'læser', 'læseren'],
  ['open', 'opens', 'opening', 'åbne', 'åbner', 'åbnes'],
  ['red', 'rød', 'rødt', 'røde'],
  ['drive', 'drev', 'drevet', 'fællesdrev', 'fællesdrevet'],
  ['file', 'files', 'fil', 'filer'],
  ['folder', 'mappe', 'mappen'],
  ['update', 'updates', 'updated', 'opdatering', 'opdateringen', 'opdateringer', 'opdateret'],
  ['scan', 'scans', 'scanning', 'scanne', 'scanner', 'scanneren'],
  ['copier', 'copiers', 'kopimaskine', 'kopimaskinen', 'kopimaskiner'],
  ['sync', 'syncing', 'synkroniserer', 'synkronisering'],
  ['notification', 'notifications', 'notifikation', 'notifikationer', 'push', 'prompt', 'prompts'],
  ['approve', 'approval', 'godkend', 'godkende', 'godkendelsen'],
  ['login', 'logon', 'logge', 'logger', 'logind', 'signin', 'sign', 'sso', 'saml'],
  ['reset', 'nulstil', 'nulstille'],
  ['connect', 'connection', 'forbinde', 'forbindelse', 'forbindelsen'],
  ['server', 'serveren'],
  ['registration', 'registered', 'register', 'registrere', 'registreret', 'registrering'],
  ['queue', 'køen'],
  ['upload', 'uploads', 'uploade', 'uploader', 'uploading'],
  ['hours', 'timer', 'timesheet', 'timeregistrering'],
  ['payroll', 'salary', 'løn', 'lønnen', 'lønsystemet', 'lønkørslen'],
  ['invoice', 'invoices', 'faktura', 'fakturaer'],
  ['access', 'adgang'],
  ['appointment', 'appointments', 'aftale', 'aftaler'],
  // How a report says what is wrong: near misses name the same system with another symptom.
  ['disconnected', 'disconnecting', 'disconnects', 'reconnecting', 'drop', 'drops', 'dropped', 'afbrudt', 'afbrydes', 'falder'],
  ['missing', 'gone', 'vanished', 'disappeared', 'forsvundet', 'væk', 'mangler', 'empty', 'tom', 'tomt', 'lost', 'mistet'],
  // Out of order, however it is put ("down", "fails", "error", "fejler", "times out"): which
  // system is out tells outages apart, not the word for it.
  ['unavailable', 'utilgængelig', 'utilgængeligt', 'offline', 'dead', 'unreachable', 'down', 'nede', 'outage',
    'failed', 'fails', 'failing', 'broken', 'fejlede', 'error', 'errors', 'fejl', 'fejler', 'fejlkode', 'fejlmeddelelse',
    'timeout', 'timed', 'timeouts'],
  ['arriving', 'arrive', 'arrives', 'received', 'receive', 'modtage', 'modtaget', 'modtager'],
  ['rejected', 'rejects', 'denied', 'afvist', 'afviser', 'afvises'],
  ['locked', 'låst', 'spærret', 'blocked', 'blokeret', 'lockout'],
  ['blank', 'hvid', 'white'],
  // Everyday helpdesk words of both languages.
  ['crash', 'crashes', 'crashed', 'crashing', 'crasher', 'lukker', 'lukkes'],
  ['save', 'saving', 'saved', 'gem', 'gemme', 'gemmer', 'gemt'],
  ['install', 'installing', 'installed', 'installation', 'installere', 'installeret', 'installationen'],
  ['restart', 'restarting', 'reboot', 'genstart', 'genstarte', 'genstartet'],
  ['sound', 'audio', 'lyd', 'lyden'],
  ['microphone', 'mic', 'mikrofon', 'mikrofonen'],
  ['camera', 'webcam', 'kamera', 'kameraet'],
  ['headset', 'headsets', 'hovedtelefoner'],
  ['speaker', 'speakers', 'højttaler', 'højttaleren'],
  ['hear', 'høre', 'hører'],
  ['user', 'users', 'bruger', 'brugere', 'brugeren'],
  ['account', 'accounts', 'konto', 'kontoen'],
  ['document', 'documents', 'dokument', 'dokumenter', 'dokumentet'],
  ['website', 'hjemmeside', 'hjemmesiden'],
  ['load', 'loading', 'loads', 'indlæse', 'indlæser', 'indlæses'],
  ['customer', 'customers', 'kunde', 'kunder', 'kunderne'],
  ['order', 'orders', 'ordre', 'ordrer', 'ordren'],
  ['sales', 'salg', 'salget'],
  ['finance', 'økonomi', 'økonomiafdelingen', 'regnskab'],
  ['expired', 'expires', 'udløbet', 'udløber'],
  ['full', 'fuld', 'fyldt'],
  ['delete', 'deleted', 'slet', 'slette', 'slettet', 'slettede'],
  ['permission', 'permissions', 'rettighed', 'rettigheder', 'rettighederne'],
  ['license', 'licence', 'licens', 'licensen', 'licenser'],
  ['wrong', 'forkert', 'forkerte'],
  ['light', 'lights', 'lys', 'lyser', 'lampe', 'lampen'],
  ['booking', 'book', 'booke', 'booker', 'reservation', 'reservere'],
  ['start', 'starts', 'starting', 'starte', 'starter', 'opstart'],
  ['code', 'codes', 'kode', 'koden', 'koder'],
  ['mouse', 'mus', 'musen'],
  ['battery', 'batteri', 'batteriet'],
  ['charger', 'charging', 'oplader', 'opladning'],
  ['download', 'downloading', 'downloade', 'hente', 'henter', 'hentet'],
  ['attachment', 'attachments', 'vedhæftet', 'vedhæftning', 'vedhæftede'],
  ['receipt', 'receipts', 'kvittering', 'kvitteringer', 'bilag'],
  ['expense', 'expenses', 'udlæg', 'udgift', 'udgifter'],
  ['vacation', 'holiday', 'absence', 'ferie', 'fravær'],
  ['search', 'søg', 'søge', 'søgning', 'søger'],
  ['backup', 'backups', 'sikkerhedskopi'],
  ['certificate', 'certifikat', 'certifikatet'],
  ['storage', 'disk', 'lagerplads', 'diskplads'],
  ['cable', 'kabel', 'kablet', 'ledning'],
  ['projector', 'projektor', 'projektoren', 'beamer'],
  ['sharepoint', 'onedrive', 'fildeling'],
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
