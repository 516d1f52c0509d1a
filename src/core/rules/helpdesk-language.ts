/**
 * How common words are in helpdesk tickets in general, English and Danish, written from general
 * knowledge of how people report IT problems (no ticket of this helpdesk, no test corpus): the
 * share of tickets a word appears in, in bands. Look-alike detection weighs a word by how rare it
 * is (rules/similarity.ts); until a helpdesk has enough tickets of its own to tell, this list says
 * that "not working", "error", "virker ikke" tell little and a product or a place tells much.
 * A word not listed counts as rare (`UNLISTED_SHARE`).
 */
export const UNLISTED_SHARE = 0.003;

const BANDS: ReadonlyArray<readonly [number, string]> = [
  // Function words: in most tickets of their language.
  [
    0.5,
    `i the a an to and is it my of in for on with not this that be have me am are was were has had
     do does did so as at by from or but if then than there here it's i'm we our you your they them
     jeg det er ikke at og en et på til med min mit mine har kan den de som af for der var mig men
     om vi nu fra du ud op man hvor eller hvad skal her alle vil blev kunne ind når være noget jo
     efter ned skulle denne end dette også under have dig meget sin sine hvis din nogle hos blive
     mange bliver været jer sådan os dem hun han hans hende deres vores jeres sig selv da dog`,
  ],
  // Words of every kind of message: asking, thanking, hedging, the time.
  [
    0.2,
    `can cannot can't don't doesn't didn't isn't wasn't won't wont doesnt dont cant couldn't could
     would should will just again still also only any all some no none anyone someone everyone
     nobody something anything nothing everything what why how when where who which
     get got getting gets go goes going went come comes coming came make makes made take takes took
     know knows think thought see seems seem seemed look looks looking try tries trying tried
     want wants need needs needed use uses using used keep keeps kept give gives let lets
     say says said tell told ask asked help please thanks thank hi hello hey dear regards best
     yes ok okay sure really very much more most less too well now today yesterday tomorrow
     morning afternoon evening since ago already yet soon right away back after before first
     last next other another same new old good bad big small little lot lots bit way thing things
     time times day days week minute minutes hour hours moment while people person everybody
     kan ikke hvorfor hvordan hvem hvilken hvilke hvornår stadig igen bare kun lige helt godt
     fik får få gå går gik gået komme kommer kom kommet lave laver lavet gøre gør gjorde gjort
     tage tager tog taget give giver gav ved vide tror troede synes se ser så set sige siger sagde
     prøve prøver prøvede prøvet bruge bruger brugte brugt hjælp hjælpe venligst tak hej kære
     mvh hilsen venlig ja nej okay rigtig rigtigt virkelig meget mere mest mindre for nu
     dag dage i dag morges formiddag eftermiddag aften siden allerede endnu snart lige nu
     først sidst næste anden andre andet samme ny nye nyt gammel gamle god dårlig stor lille
     lidt masse ting tid gang gange uge minut minutter time timer øjeblik folk nogen ingen
     alt ingenting måske vist egentlig altså fordi derfor men så hele helt`,
  ],
  // The words of every complaint: the symptom and how bad it is.
  [
    0.12,
    `working work works worked error errors problem problems issue issues unable able possible
     broken broke down failed fails failing fail slow slowly stuck keeps stopped stop stops
     anymore urgent asap important critical annoying frustrating frustrated impossible weird
     strange happen happens happened happening wrong fix fixed fixing sorted solved
     virker virkede fungerer fungerede fejl fejlen problem problemer problemet umuligt muligt
     nede i stykker stykker langsom langsomt hænger stoppet stopper mere længere haster akut
     vigtigt kritisk irriterende frustrerende mærkeligt underligt sker skete sket forkert
     løse løst ordne ordnet rette rettet`,
  ],
  // Everyday things at work and at home, and words of any IT report.
  [
    0.06,
    `login log logged logging sign signed signing password account access user users computer pc
     laptop screen message messages shows showing says open opened opening close closed click
     clicked start started restart restarted reboot rebooted update updated updating install
     installed colleague colleagues team office home house desk meeting work job boss manager
     customer customers everyone else whole entire company department floor building room
     phone mobile call email mail system app application program website site page browser
     internet network connection connect connected online offline server file files folder
     load loading page screen window button tried working from home remote
     log logge logget logger ind adgangskode kodeord konto adgang computer skærm besked beskeder
     viser står åbne åbner åbnet lukke lukker lukket klik klikker klikket genstart genstarte
     genstartet opdatering opdateret installere installeret kollega kolleger kollegaer kontor
     kontoret hjem hjemme derhjemme hjemmefra arbejde arbejder arbejdet chef leder kunde kunder
     firma afdeling etage bygning lokale telefon mobil opkald system program hjemmeside side
     netværk forbindelse fil filer mappe knap vindue`,
  ],
];

/** Every listed word with its share (a word in two bands keeps the larger). */
export const BACKGROUND_SHARES: ReadonlyMap<string, number> = (() => {
  const shares = new Map<string, number>();
  for (const [share, words] of BANDS)
    for (const word of words.split(/\s+/).filter(Boolean)) shares.set(word, Math.max(share, shares.get(word) ?? 0));
  return shares;
})();
