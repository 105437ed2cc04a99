/* messages.c - The Danish text of every English message: one table of pairs, and msg_tr(). */
#include "messages.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

typedef struct {
    const char *en, *da;
} msg_entry;

/* English (as written at the call site) and Danish. Keep the printf
 * conversions of the two the same and in the same order (tested). Words of
 * the grant office: ansøgning, tilsagn, bevilling, pulje, rådighedsbeløb,
 * indstillet, afslag, tillæg, øremærkning, forpligtelse, afrunding. */
static const msg_entry table[] = {
    {"the rule cannot share DKK %s among the claims",
     "reglen kan ikke fordele %s kr. mellem ansøgningerne"},
    {"lower min_grant in [rules] (0 means no minimum grant)",
     "sænk min_grant i [rules] (0 betyder intet mindste tilskud)"},
    {"min_grant = DKK %s refuses every application: %s",
     "min_grant = %s kr. giver afslag til alle ansøgninger: %s"},
    {"it is above every assessed amount",
     "det er over alle indstillede beløb"},
    {"no share reaches it with the money available",
     "ingen andel når op på det med de midler, der er"},
    {"the rules are %s",
     "reglerne er %s"},
    {"and",
     "og"},
    {"the rule failed: %s",
     "reglen fejlede: %s"},
    {"%s: %s",
     "%s: %s"},
    {"write a multiple of the rounding unit",
     "skriv et multiplum af afrundingsenheden"},
    {"%s = DKK %s is not a multiple of the rounding unit DKK %s: DKK %s or DKK %s?",
     "%s = %s kr. er ikke et multiplum af afrundingsenheden %s kr.: %s eller %s kr.?"},
    {"rounding failed (out of memory)",
     "afrundingen fejlede (hukommelsen slap op)"},
    {" and %zu more",
     " og %zu mere"},
    {"choose a smaller rounding unit in [rules] to keep larger claims at or above smaller "
     "ones paid in full",
     "vælg en mindre afrundingsenhed i [rules], så større ansøgninger ikke ender under "
     "mindre, der får fuldt beløb"},
    {"the rounding leaves %zu reduced grant%s below a smaller claim paid in full (Nr %s): the "
     "DKK %s left after rounding could not raise them",
     "afrundingen efterlader %zu reducerede tilskud%.0s under en mindre ansøgning med fuldt "
     "beløb (Nr %s): de %s kr., der var tilbage efter afrundingen, kunne ikke løfte dem"},
    {"the rounding leaves DKK %s undistributed (%s of the money for new grants)",
     "afrundingen efterlader %s kr. ufordelt (%s af midlerne til nye tilskud)"},
    {"%s DKK %s undistributed (%s of the money for new grants)",
     "%s %s kr. ufordelt (%s af midlerne til nye tilskud)"},
    {": Nr %s with share DKK %s could not take a unit",
     ": Nr %s med andelen %s kr. kunne ikke få en enhed mere"},
    {": group of %zu applications with %sshare DKK %s could not be served",
     ": en gruppe på %zu ansøgninger med %sandel %s kr. kunne ikke tilgodeses"},
    {"; DKK %s of it no application can take under %s",
     "; %s kr. heraf kan ingen ansøgning få efter %s"},
    {"; with unit %s the residual would be DKK %s",
     "; med enheden %s ville restbeløbet være %s kr."},
    {"; DKK 1 is already the smallest unit",
     "; 1 kr. er allerede den mindste enhed"},
    {"choose a smaller rounding unit in [rules], or hand the residual out by hand",
     "vælg en mindre afrundingsenhed i [rules], eller fordel restbeløbet i hånden"},
    {"hand the supplement out by hand, choose a smaller rounding unit, or set unused = "
     "residual",
     "fordel tillægget i hånden, vælg en mindre afrundingsenhed, eller sæt unused = residual"},
    {"%zu application%s keep%s a supplement from [earmark %s] although %s ordinary grant was "
     "rounded to DKK 0 when the unused earmark money was added (Nr %s%s)",
     "antal ansøgninger: %zu%.0s%.0s; de beholder et tillæg fra [earmark %s], skønt %.0sderes "
     "ordinære tilskud blev afrundet til 0 kr., da de ubrugte øremærkede midler blev lagt til "
     "(Nr %s%s)"},
    {"check the amounts in [reservations] and [earmarks] against [budget]",
     "kontrollér beløbene i [reservations] og [earmarks] mod [budget]"},
    {"reservations and earmarks (DKK %s) exceed the budget (DKK %s)",
     "reservationer og øremærkninger (%s kr.) overstiger budgettet (%s kr.)"},
    {"out of memory",
     "hukommelsen slap op"},
    {"application",
     "ansøgning"},
    {"applications",
     "ansøgninger"},
    {"column %u (%s): \"%s\" is not %s",
     "kolonne %u (%s): \"%s\" er ikke %s"},
    {"write the amount applied for in whole kroner, like 50.000 or 50000",
     "skriv det ansøgte beløb i hele kroner, f.eks. 50.000 eller 50000"},
    {"column %u (%s): the amount applied for is empty",
     "kolonne %u (%s): det ansøgte beløb er tomt"},
    {"a refused application gets 0: leave the assessed amount empty or 0, or delete the "
     "refusal reason",
     "en ansøgning med afslag får 0: lad det indstillede beløb være tomt eller 0, eller slet "
     "afslagsgrunden"},
    {"column %u (%s): DKK %s contradicts the refusal in column %u (%s)",
     "kolonne %u (%s): %s kr. strider mod afslaget i kolonne %u (%s)"},
    {"the assessed amount cannot be more than the amount applied for; check both",
     "det indstillede beløb kan ikke være større end det ansøgte; kontrollér begge"},
    {"column %u (%s): assessed DKK %s is more than the DKK %s applied for",
     "kolonne %u (%s): indstillet %s kr. er mere end de %s kr., der er ansøgt om"},
    {"add the columns to the applications (pulje init writes a template with them), or remove "
     "the earmark from the pool file",
     "tilføj kolonnerne til ansøgningerne (pulje init skriver en skabelon med dem), eller "
     "fjern øremærkningen fra puljefilen"},
    {"the applications have no column %s for [earmark %s] (line %u of %s); its money would "
     "all go to the residual",
     "ansøgningerne har ingen kolonne %s til [earmark %s] (linje %u i %s); alle dens midler "
     "ville gå til restbeløbet"},
    {"write ja or nej",
     "skriv ja eller nej"},
    {"column %u (%s): \"%s\" is not ja or nej",
     "kolonne %u (%s): \"%s\" er hverken ja eller nej"},
    {"give every application its own number, like 17",
     "giv hver ansøgning sit eget nummer, f.eks. 17"},
    {"column %u (%s): the application number is empty",
     "kolonne %u (%s): ansøgningsnummeret er tomt"},
    {"write the name of the applying association",
     "skriv navnet på den forening, der søger"},
    {"column %u (%s): the association is empty",
     "kolonne %u (%s): foreningen er tom"},
    {"if æ, ø or å look wrong in the results, save the file from Excel as \"CSV UTF-8 "
     "(kommasepareret)\"",
     "hvis æ, ø eller å ser forkerte ud i resultaterne, så gem filen fra Excel som \"CSV UTF-8 "
     "(kommasepareret)\""},
    {"read as Windows-1252, since the file has no UTF-8 letters",
     "læst som Windows-1252, da filen ikke har nogen UTF-8-bogstaver"},
    {"close other programs and try again",
     "luk andre programmer, og prøv igen"},
    {"check the name in the pool file and that the file exists and can be read",
     "kontrollér navnet i puljefilen, og at filen findes og kan læses"},
    {"save the applications from Excel as \"CSV (semikolonsepareret)\" and name the .csv in the "
     "pool file",
     "gem ansøgningerne fra Excel som \"CSV (semikolonsepareret)\", og angiv .csv-filen i "
     "puljefilen"},
    {"open the workbook with its password, remove the password (Excel: Filer > Oplysninger > "
     "Beskyt projektmappe > Krypter med adgangskode; LibreOffice: Gem som without \"Gem med "
     "adgangskode\") and save it again",
     "åbn regnearket med adgangskoden, fjern adgangskoden (Excel: Filer > Oplysninger > "
     "Beskyt projektmappe > Krypter med adgangskode; LibreOffice: Gem som uden \"Gem med "
     "adgangskode\"), og gem det igen"},
    {"write one of the workbook's sheet names after applications_sheet = in [pool] of the "
     "pool file, or delete the line to read the first sheet",
     "skriv et af regnearkets arknavne efter applications_sheet = i [pool] i puljefilen, "
     "eller slet linjen for at læse det første ark"},
    {"open the file in Excel and save it as \"Excel-projektmappe (*.xlsx)\"; or save it as \"CSV "
     "(semikolonsepareret)\" and name the .csv in the pool file",
     "åbn filen i Excel, og gem den som \"Excel-projektmappe (*.xlsx)\"; eller gem den som \"CSV "
     "(semikolonsepareret)\", og angiv .csv-filen i puljefilen"},
    {"move the sheet \"%s\" first in the workbook, or name it in the pool file: "
     "applications_sheet = %s under [pool]",
     "flyt arket \"%s\" først i regnearket, eller angiv det i puljefilen: applications_sheet = "
     "%s under [pool]"},
    {"pulje read the first sheet, \"%s\", whose first row is not the applications' header; the "
     "sheet \"%s\" has it",
     "pulje læste det første ark, \"%s\", hvis første række ikke er ansøgningernes overskrift; "
     "arket \"%s\" har den"},
    {"put the sheet with the applications first in the workbook, or name it in the pool file: "
     "applications_sheet = <name> under [pool]",
     "læg arket med ansøgningerne først i regnearket, eller angiv det i puljefilen: "
     "applications_sheet = <navn> under [pool]"},
    {"pulje read the first sheet, \"%s\", whose first row is not the applications' header; no "
     "other sheet of the %zu has it either",
     "pulje læste det første ark, \"%s\", hvis første række ikke er ansøgningernes overskrift; "
     "heller ikke noget andet af de %zu ark har den"},
    {"cannot read %s: %s (%s)",
     "kan ikke læse %s: %s (%s)"},
    {"write 1, 2 or 3 (the years applied for), or leave it empty for 1",
     "skriv 1, 2 eller 3 (de år, der søges for), eller lad feltet være tomt for 1"},
    {"write how many years the activity has run, like 5, or leave it empty",
     "skriv hvor mange år aktiviteten har kørt, f.eks. 5, eller lad feltet være tomt"},
    {"write ja (or x) for an exceptional case; nej, 0 or empty otherwise",
     "skriv ja (eller x) for et ekstraordinært tilfælde; ellers nej, 0 eller tomt"},
    {"write 1 for the first priority, 2 for the next, and so on, or leave it empty",
     "skriv 1 for første prioritet, 2 for den næste og så videre, eller lad feltet være tomt"},
    {"every application needs its own number: delete the duplicate row or renumber it",
     "hver ansøgning skal have sit eget nummer: slet den dobbelte række, eller giv den et nyt "
     "nummer"},
    {"Nr %s appears on lines %u and %u",
     "Nr %s står på linje %u og %u"},
    {"one application listed twice would be granted twice: delete one row, or make the "
     "activities tell them apart",
     "en ansøgning, der står to gange, ville få tilskud to gange: slet den ene række, eller "
     "gør aktiviteterne forskellige"},
    {"duplicate application: \"%s\" with the same activity is also Nr %s on line %u",
     "dobbelt ansøgning: \"%s\" med samme aktivitet er også Nr %s på linje %u"},
    {"duplicate application: CVR %s with the same activity is also Nr %s on line %u",
     "dobbelt ansøgning: CVR %s med samme aktivitet er også Nr %s på linje %u"},
    {"cannot create a temporary file next to %s: %s",
     "kan ikke oprette en midlertidig fil ved siden af %s: %s"},
    {"wrote %s but could not sync its folder: %s",
     "skrev %s, men kunne ikke synkronisere mappen: %s"},
    {"cannot write %s: %s",
     "kan ikke skrive %s: %s"},
    {"libxlsxwriter: cannot create a workbook (out of memory)",
     "libxlsxwriter: kan ikke oprette et regneark (hukommelsen slap op)"},
    {"libxlsxwriter: cannot write %s: %s",
     "libxlsxwriter: kan ikke skrive %s: %s"},
    {"libxlsxwriter: %s on sheet '%s': %s",
     "libxlsxwriter: %s på arket '%s': %s"},
    {"libxlsxwriter: cannot write cell %s of sheet '%s': %s",
     "libxlsxwriter: kan ikke skrive celle %s på arket '%s': %s"},
    {"cannot format label %d",
     "kan ikke formatere tekst nr. %d"},
    {"libxlsxwriter: cannot add a cell format (out of memory)",
     "libxlsxwriter: kan ikke tilføje et celleformat (hukommelsen slap op)"},
    {"cell %s of sheet '%s': the text is not valid UTF-8",
     "celle %s på arket '%s': teksten er ikke gyldig UTF-8"},
    {"cell %s of sheet '%s': %" PRId64 " kr. is too large for a spreadsheet cell",
     "celle %s på arket '%s': %" PRId64 " kr. er for stort til en regnearkscelle"},
    {"libxlsxwriter: cannot add the sheet '%s' (invalid name or out of memory)",
     "libxlsxwriter: kan ikke tilføje arket '%s' (ugyldigt navn, eller hukommelsen slap op)"},
    {"the sweep \"%s\" is not PARAM:FROM:TO:STEP (e.g. threshold:0:150.000:10.000)",
     "følsomhedsanalysen \"%s\" er ikke PARAM:FRA:TIL:TRIN (f.eks. threshold:0:150.000:10.000)"},
    {"the sweep \"%s\" has more than PARAM:FROM:TO:STEP",
     "følsomhedsanalysen \"%s\" har mere end PARAM:FRA:TIL:TRIN"},
    {"cannot sweep \"%.*s\"; the parameters are threshold, max_grant and cap",
     "kan ikke variere \"%.*s\"; parametrene er threshold, max_grant og cap"},
    {"the sweep's %s \"%.*s\" is not a whole-krone amount",
     "følsomhedsanalysens %s \"%.*s\" er ikke et beløb i hele kroner"},
    {"the cap is a share from 0 to 100 %%; e.g. cap:30:60:5",
     "loftet er en andel fra 0 til 100 %%; f.eks. cap:30:60:5"},
    {"the sweep needs FROM <= TO and a STEP above 0",
     "følsomhedsanalysen kræver FRA <= TIL og et TRIN over 0"},
    {"the sweep has more than %d steps; take a larger STEP",
     "følsomhedsanalysen har mere end %d trin; vælg et større TRIN"},
    {"rule %s: %s",
     "regel %s: %s"},
    {"give at least one rule",
     "angiv mindst én regel"},
    {"no rules to compare",
     "ingen regler at sammenligne"},
    {"the sweep at %lld: out of memory or a solver fault",
     "følsomhedsanalysen ved %lld: hukommelsen slap op, eller løseren fejlede"},
    {"--rules: too many rules or a rule too long",
     "--rules: for mange regler, eller en regel er for lang"},
    {"--rules: %s",
     "--rules: %s"},
    {"--rules is empty",
     "--rules er tom"},
    {"error",
     "fejl"},
    {"warning",
     "advarsel"},
    {"hint",
     "råd"},
    {"a supplement needs every required criterion answered ja:",
     "et tillæg kræver, at alle krævede kriterier er besvaret med ja:"},
    {"; or leave the supplement empty",
     "; eller lad tillægget være tomt"},
    {"Nr %s asks for a supplement from \"%s\" but does not meet its required criteria",
     "Nr %s søger tillæg fra \"%s\", men opfylder ikke de krævede kriterier"},
    {"the assessed supplement may not exceed the supplement asked for",
     "det indstillede tillæg må ikke overstige det ansøgte tillæg"},
    {"Nr %s: supplement assessed above the supplement asked",
     "Nr %s: tillægget er indstillet over det ansøgte"},
    {"lower min in the earmark's section, or give the earmark more money",
     "sænk min i øremærkningens afsnit, eller giv øremærkningen flere midler"},
    {"[earmark %s]: every supplement share in the tier where the money runs out would fall "
     "below min = DKK %s (DKK %s left for the tier), so no supplement can be given there",
     "[earmark %s]: hver tillægsandel i det trin, hvor midlerne slipper op, ville komme under "
     "min = %s kr. (%s kr. tilbage til trinnet), så der kan ikke gives tillæg dér"},
    {"earmark: %s: %s",
     "øremærkning: %s: %s"},
    {"earmark: the rule failed",
     "øremærkning: reglen fejlede"},
    {"unknown",
     "ukendt"},
    {"write it as `<label> = <amount>` or `key = value`, or start it with ';' to make it a "
     "comment",
     "skriv den som `<betegnelse> = <beløb>` eller `nøgle = værdi`, eller begynd den med ';' "
     "for at gøre den til en kommentar"},
    {"this line is not `key = value`: it has no '=' (or it comes after a ' ;' comment)",
     "linjen er ikke `nøgle = værdi`: den har intet '=' (eller det står efter en ' "
     ";'-kommentar)"},
    {"the file may not be a text file; save it as text (UTF-8)",
     "filen er måske ikke en tekstfil; gem den som tekst (UTF-8)"},
    {"this line contains a NUL byte",
     "linjen indeholder en NUL-byte"},
    {"save the file as UTF-8 text; the byte was read as U+FFFD",
     "gem filen som UTF-8-tekst; byten blev læst som U+FFFD"},
    {"this line contains a byte that is neither UTF-8 nor Windows-1252",
     "linjen indeholder en byte, der hverken er UTF-8 eller Windows-1252"},
    {"delete the character, or save the file as UTF-8 text (it may have been saved in another "
     "encoding)",
     "slet tegnet, eller gem filen som UTF-8-tekst (den kan være gemt i en anden tegnkodning)"},
    {"this line contains the control character U+%04X",
     "linjen indeholder styretegnet U+%04X"},
    {"shorten it to at most %d characters",
     "forkort den til højst %d tegn"},
    {"this line is too long (%zu bytes)",
     "linjen er for lang (%zu byte)"},
    {"check the line's syntax: `key = value` or [section]",
     "kontrollér linjens form: `nøgle = værdi` eller [afsnit]"},
    {"the INI reader could not read this line",
     "INI-læseren kunne ikke læse linjen"},
    {"save the file as UTF-8 again, or retype the character; it may come from text pasted "
     "from another program",
     "gem filen som UTF-8 igen, eller skriv tegnet igen; det kan stamme fra tekst kopieret "
     "fra et andet program"},
    {"byte 0x%02X is not UTF-8, though the rest of the file is",
     "byte 0x%02X er ikke UTF-8, selv om resten af filen er det"},
    {"no folder given",
     "ingen mappe angivet"},
    {"%s exists and is not a folder",
     "%s findes og er ikke en mappe"},
    {"cannot read the folder %s",
     "kan ikke læse mappen %s"},
    {"%s is not empty; init writes only into a new or empty folder",
     "%s er ikke tom; init skriver kun i en ny eller tom mappe"},
    {"cannot make the folder %s: %s",
     "kan ikke oprette mappen %s: %s"},
    {"the committee's meeting date",
     "udvalgets mødedato"},
    {"this year's case number",
     "årets sagsnummer"},
    {"this year's amount",
     "årets beløb"},
    {"still reserved this year? (the ledger's rows reserve themselves)",
     "stadig reserveret i år? (forpligtelseslistens rækker reserverer sig selv)"},
    {"the money of the years after this one",
     "midlerne for årene efter dette"},
    {"this year's money for the earmark",
     "årets midler til øremærkningen"},
    {"%s:%u: [%s] %s: %s",
     "%s:%u: [%s] %s: %s"},
    {"earmark %s (%d-%d): left out, its years have run out",
     "øremærkning %s (%d-%d): udeladt, dens år er udløbet"},
    {"earmark %s (%d-%d): kept, with its criteria and tiers",
     "øremærkning %s (%d-%d): ført videre med kriterier og trin"},
    {"it does not read",
     "den kan ikke læses"},
    {" and %s",
     " og %s"},
    {"last round's pool file does not read",
     "sidste rundes puljefil kan ikke læses"},
    {"last round's run wrote no ledger (looked for %s); run `pulje run %s` first, or name its "
     "output folder with --out DIR: without it, money committed last year would be handed out "
     "again",
     "sidste rundes kørsel skrev ingen forpligtelser (ledte efter %s); kør først `pulje run "
     "%s`, eller angiv dens uddatamappe med --out MAPPE: uden den ville midler, der blev "
     "bundet sidste år, blive givet ud igen"},
    {"last round's written ledger does not read",
     "de forpligtelser, sidste runde skrev, kan ikke læses"},
    {"pool file: %s -> %s/%s (year %d -> %d, years in labels moved on)",
     "puljefil: %s -> %s/%s (år %d -> %d, årstal i betegnelserne rykket frem)"},
    {"ledger: %s -> %s (%zu rows; DKK %s to be paid in %d, reserved by the run)",
     "forpligtelser: %s -> %s (%zu rækker; %s kr. til udbetaling i %d, reserveret af kørslen)"},
    {"ledger: last round kept none; %s is empty",
     "forpligtelser: sidste runde havde ingen; %s er tom"},
    {"the carried pool file does not read (fix it by hand)",
     "den videreførte puljefil kan ikke læses (ret den i hånden)"},
    {"templates: %s/%s and %s/%s, with the columns of %zu earmark%s",
     "skabeloner: %s/%s og %s/%s med kolonner til %zu øremærkning(er)%.0s"},
    {"name a folder with --out",
     "angiv en mappe med --out"},
    {"the output folder %s is not a folder",
     "uddatamappen %s er ikke en mappe"},
    {"name a file saved from Excel or a text editor",
     "angiv en fil gemt fra Excel eller et tekstprogram"},
    {"the %s is not a regular file (it is a %s); pulje reads only files",
     "%s er ikke en almindelig fil (den er en %s); pulje læser kun filer"},
    {"folder",
     "mappe"},
    {"pipe (FIFO)",
     "rørledning (FIFO)"},
    {"character device",
     "tegnenhed"},
    {"block device",
     "blokenhed"},
    {"socket",
     "sokkel"},
    {"special file",
     "særlig fil"},
    {"split the %s, or check that the right file is named; the limit is %llu MiB",
     "del %s op, eller kontrollér at det er den rigtige fil; grænsen er %llu MiB"},
    {"the %s is %llu bytes (%llu MiB); pulje reads input files of at most %llu MiB",
     "%s fylder %llu byte (%llu MiB); pulje læser inddatafiler på højst %llu MiB"},
    {"pool file",
     "puljefil"},
    {"the pool file",
     "puljefilen"},
    {"the applications file",
     "ansøgningsfilen"},
    {"the ledger",
     "forpligtelseslisten"},
    {"the members file",
     "medlemsfilen"},
    {"members file",
     "medlemsfil"},
    {"ledger",
     "forpligtelsesliste"},
    {"choose another output folder with --out, or copy the input elsewhere and name the copy "
     "in the pool file",
     "vælg en anden uddatamappe med --out, eller kopiér inddata et andet sted hen og angiv "
     "kopien i puljefilen"},
    {"the output %s is %s: writing it would destroy an input; nothing was computed",
     "uddata %s er %s: at skrive den ville ødelægge inddata; intet blev beregnet"},
    {"if those commitments stand, name that file in `ledger =` (line %u); if they were "
     "cancelled, move the file away",
     "hvis forpligtelserne står ved magt, så angiv filen i `ledger =` (linje %u); hvis de er "
     "annulleret, så flyt filen væk"},
    {"if those commitments stand, add `ledger = %s` under [pool]; if they were cancelled, "
     "move the file away",
     "hvis forpligtelserne står ved magt, så tilføj `ledger = %s` under [pool]; hvis de er "
     "annulleret, så flyt filen væk"},
    {"%s holds %zu commitment%s for %d (DKK %s), but the pool's ledger %s reserves nothing "
     "for %d",
     "%s indeholder %zu forpligtelse(r)%.0s for %d (%s kr.), men puljens forpligtelsesliste "
     "%s reserverer intet for %d"},
    {"if last year's round bound grants for this year, name its ...-forpligtelser.csv in "
     "`ledger =`",
     "hvis sidste års runde bandt tilskud for i år, så angiv dens ...-forpligtelser.csv i "
     "`ledger =`"},
    {"add `ledger = <last year's ...-forpligtelser.csv>` under [pool]",
     "tilføj `ledger = <sidste års ...-forpligtelser.csv>` under [pool]"},
    {"commitment",
     "forpligtelse"},
    {"commitments",
     "forpligtelser"},
    {"write \"flerårigt tilskud\" (a multi-year grant) or \"driftsaftale\" (an operating "
     "agreement)",
     "skriv \"flerårigt tilskud\" eller \"driftsaftale\""},
    {"column %u (%s): the kind is empty",
     "kolonne %u (%s): arten er tom"},
    {"column %u (%s): \"%s\" is not a kind of commitment; the kinds are \"%s\" and \"%s\"",
     "kolonne %u (%s): \"%s\" er ikke en art af forpligtelse; arterne er \"%s\" og \"%s\""},
    {"write the year with four digits, like 2023",
     "skriv året med fire cifre, f.eks. 2023"},
    {"column %u (%s): the year is empty",
     "kolonne %u (%s): året er tomt"},
    {"column %u (%s): \"%s\" is not a year from %d to %d",
     "kolonne %u (%s): \"%s\" er ikke et år fra %d til %d"},
    {"money is paid in the year it is decided or later: check both years",
     "midler udbetales i det år, de besluttes, eller senere: kontrollér begge år"},
    {"column %u (%s): paid in %d, before it was decided in %d (column %u, %s)",
     "kolonne %u (%s): udbetalt i %d, før det blev besluttet i %d (kolonne %u, %s)"},
    {"grants run for at most a few years: check both years",
     "tilskud løber højst nogle få år: kontrollér begge år"},
    {"column %u (%s): paid in %d, more than %d years after it was decided in %d (column %u, "
     "%s)",
     "kolonne %u (%s): udbetalt i %d, mere end %d år efter det blev besluttet i %d (kolonne "
     "%u, %s)"},
    {"column %u (%s): the %s is empty",
     "kolonne %u (%s): %s er tom"},
    {"every commitment needs its own number: delete the duplicate row or give it a new Løbenr",
     "hver forpligtelse skal have sit eget nummer: slet den dobbelte række, eller giv den et "
     "nyt Løbenr"},
    {"Løbenr %s appears on lines %u and %u",
     "Løbenr %s står på linje %u og %u"},
    {"pulje: pool file %s (found in the current folder)\n",
     "pulje: puljefil %s (fundet i den aktuelle mappe)\n"},
    {"pulje: pool file %s (the default; no %s in the current folder)\n",
     "pulje: puljefil %s (standardpuljen; ingen %s i den aktuelle mappe)\n"},
    {"pulje: --year '%s' is not a year\n  hint: e.g. --year 2025\n",
     "pulje: --year '%s' er ikke et år\n  råd: f.eks. --year 2025\n"},
    {"pulje: unknown language '%s'\n  hint: --lang da (Danish, the default) or --lang en\n",
     "pulje: ukendt sprog '%s'\n  råd: --lang da (dansk, standard) eller --lang en\n"},
    {"pulje: unknown option or missing value: %s\n",
     "pulje: ukendt tilvalg eller manglende værdi: %s\n"},
    {"  hint: see pulje --help\n",
     "  råd: se pulje --help\n"},
    {"pulje: explain needs an application number\n  hint: pulje explain NR [POOL-FILE]\n",
     "pulje: explain kræver et ansøgningsnummer\n  råd: pulje explain NR [PULJEFIL]\n"},
    {"pulje: init needs a folder\n  hint: pulje init FOLDER [--year YEAR] [--from "
     "LAST-ROUND-POOL]\n",
     "pulje: init kræver en mappe\n  råd: pulje init MAPPE [--year ÅR] [--from "
     "SIDSTE-RUNDES-PULJE]\n"},
    {"pulje: unexpected argument '%s'\n  hint: give one pool file; see pulje --help\n",
     "pulje: uventet argument '%s'\n  råd: angiv én puljefil; se pulje --help\n"},
    {"pulje: --from belongs to init\n  hint: pulje init 2024 --from inputs/pulje-2023.ini\n",
     "pulje: --from hører til init\n  råd: pulje init 2024 --from inputs/pulje-2023.ini\n"},
    {"pulje: --rules and --sweep belong to compare\n  hint: pulje compare --rules "
     "threshold,excess,cea\n",
     "pulje: --rules og --sweep hører til compare\n  råd: pulje compare --rules "
     "threshold,excess,cea\n"},
    {"pulje: out of memory\n",
     "pulje: hukommelsen slap op\n"},
    {"pulje: grant year %d (%s)\n",
     "pulje: tilskudsår %d (%s)\n"},
    {"last round's year + 1",
     "sidste rundes år + 1"},
    {"Carried over:\n",
     "Ført videre:\n"},
    {"To edit (marked RET in the pool file):\n",
     "Skal rettes (markeret RET i puljefilen):\n"},
    {"next year by the clock; choose with --year YEAR",
     "næste år efter uret; vælg med --year ÅR"},
    {"  hint: %s\n",
     "  råd: %s\n"},
    {"%s, %s: %zu applications, no problems found\n",
     "%s, %s: %zu ansøgninger, ingen problemer fundet\n"},
    {"%s, %s: %zu applications, no errors, %zu warning%s (below)\n",
     "%s, %s: %zu ansøgninger, ingen fejl, advarsler: %zu%.0s (nedenfor)\n"},
    {"s",
     "er"},
    {"official",
     "officiel"},
    {"trial ",
     "prøve "},
    {"member",
     "medlem"},
    {"members",
     "medlemmer"},
    {"write the member's name",
     "skriv medlemmets navn"},
    {"the name is empty",
     "navnet er tomt"},
    {"write udvalg (the committee) or indstillingsudvalg (the assessment panel)",
     "skriv udvalg eller indstillingsudvalg"},
    {"member %s: role \"%s\" is neither udvalg nor indstillingsudvalg",
     "medlem %s: rollen \"%s\" er hverken udvalg eller indstillingsudvalg"},
    {"%snr. %s %s (CVR %s)",
     "%snr. %s %s (CVR %s)"},
    {"%snr. %s %s (by name)",
     "%snr. %s %s (efter navn)"},
    {"; and %zu more",
     "; og %zu mere"},
    {"the member leaves the meeting while these applications are dealt with "
     "(forvaltningsloven § 3), and assesses none of them",
     "medlemmet forlader mødet, mens disse ansøgninger behandles (forvaltningsloven § 3), og "
     "indstiller ingen af dem"},
    {"%s (%s) is tied to %zu application%s and must not take part in %s: %s",
     "%s (%s) er knyttet til %zu ansøgning(er)%.0s og må ikke deltage i behandlingen af %s: %s"},
    {"it",
     "den"},
    {"them",
     "dem"},
    {"ok",
     "ok"},
    {"the GLPK solver failed",
     "GLPK-løseren fejlede"},
    {"no allocation satisfies the rules",
     "ingen fordeling opfylder reglerne"},
    {"the solver's answer does not match the exact optimum",
     "løserens svar svarer ikke til det eksakte optimum"},
    {"the rule cannot be expressed in the model",
     "reglen kan ikke udtrykkes i modellen"},
    {"unknown model status",
     "ukendt modelstatus"},
    {"GLPK's simplex failed (code %d)",
     "GLPK's simplex fejlede (kode %d)"},
    {"GLPK found no optimal allocation (status %d)",
     "GLPK fandt ingen optimal fordeling (status %d)"},
    {"GLPK's MIP found no optimum (code %d, status %d)",
     "GLPK's MIP fandt intet optimum (kode %d, status %d)"},
    {"a valid amount",
     "et gyldigt beløb"},
    {"the amount is empty",
     "beløbet er tomt"},
    {"not a whole-krone amount",
     "ikke et beløb i hele kroner"},
    {"amounts must be whole kroner (no øre)",
     "beløb skal være hele kroner (ingen øre)"},
    {"the amount is negative",
     "beløbet er negativt"},
    {"the amount is larger than any pool (over DKK 1,000,000,000,000)",
     "beløbet er større end nogen pulje (over 1.000.000.000.000 kr.)"},
    {"the amount can be read two ways (',' before three digits)",
     "beløbet kan læses på to måder (',' foran tre cifre)"},
    {"the amount is written the English way (',' between thousands)",
     "beløbet er skrevet på engelsk (',' mellem tusinderne)"},
    {"a '.' separates thousands and must be followed by three digits",
     "et '.' adskiller tusinder og skal efterfølges af tre cifre"},
    {"the thousands separators are not every three digits",
     "tusindtalsskilletegnene står ikke for hvert tredje ciffer"},
    {"unknown money status",
     "ukendt beløbsstatus"},
    {"is ambiguous: %s or %s?",
     "er tvetydigt: %s eller %s?"},
    {"is not an amount: it uses ',' between thousands, as in English; in Danish it is %s",
     "er ikke et beløb: det bruger ',' mellem tusinderne som på engelsk; på dansk er det %s"},
    {"is not an amount: it has a '.' before %zu digit%s, but in Danish '.' separates "
     "thousands (50.000); as an English decimal point it would be %s",
     "er ikke et beløb: det har et '.' foran %zu ciffer/cifre%.0s, men på dansk adskiller '.' "
     "tusinder (50.000); som engelsk decimaltegn ville det være %s"},
    {"is not an amount: its thousands separators are not every three digits from the right, "
     "as in 1.000.000 (one kind of separator throughout)",
     "er ikke et beløb: tusindtalsskilletegnene står ikke for hvert tredje ciffer fra højre "
     "som i 1.000.000 (samme slags skilletegn hele vejen)"},
    {"is not an amount: %s",
     "er ikke et beløb: %s"},
    {"running_holders = set_aside in [multiyear]: the application is left out",
     "running_holders = set_aside i [multiyear]: ansøgningen udelades"},
    {"%s (Nr %s) holds a running multi-year grant (%s line %u, Løbenr %s, paid until %d) and "
     "may not apply before %d; set aside",
     "%s (Nr %s) har et løbende flerårigt tilskud (%s linje %u, Løbenr %s, udbetales til og "
     "med %d) og må ikke søge før %d; lagt til side"},
    {"remove the application, or set running_holders = set_aside in [multiyear] to leave such "
     "applications out with a warning",
     "fjern ansøgningen, eller sæt running_holders = set_aside i [multiyear] for at udelade "
     "sådanne ansøgninger med en advarsel"},
    {"%s (Nr %s) holds a running multi-year grant (%s line %u, Løbenr %s, paid until %d) and "
     "may not apply before %d",
     "%s (Nr %s) har et løbende flerårigt tilskud (%s linje %u, Løbenr %s, udbetales til og "
     "med %d) og må ikke søge før %d"},
    {"no new multi-year grant can cover that year; check the ledger, the cap in [multiyear] "
     "or money_year2/money_year3",
     "intet nyt flerårigt tilskud kan dække det år; kontrollér forpligtelserne, loftet i "
     "[multiyear] eller money_year2/money_year3"},
    {"earlier multi-year commitments for %d (DKK %s) already exceed the cap (DKK %s)",
     "tidligere flerårige forpligtelser for %d (%s kr.) overstiger allerede loftet (%s kr.)"},
    {"multi-year choice: %s: %s",
     "valg af flerårige: %s: %s"},
    {"this is a fault in pulje, not in your input; please report it",
     "det er en fejl i pulje, ikke i dine inddata; meld den venligst"},
    {"multi-year choice: the GLPK model and the closed form disagree",
     "valg af flerårige: GLPK-modellen og den lukkede formel er uenige"},
    {"internal error: the result does not belong to the applications",
     "intern fejl: resultatet hører ikke til ansøgningerne"},
    {"%s: the 360Giving export needs decision_date in [pool] (the award date)",
     "%s: 360Giving-udtrækket kræver decision_date i [pool] (bevillingsdatoen)"},
    {"cannot write the 360Giving CSV: %s",
     "kan ikke skrive 360Giving-CSV'en: %s"},
    {"cannot write the 360Giving JSON: %s",
     "kan ikke skrive 360Giving-JSON'en: %s"},
    {"shorten the text to at most %d characters",
     "forkort teksten til højst %d tegn"},
    {"the %s text has %zu characters; a workbook cell holds at most %d (Excel's limit)",
     "teksten %s har %zu tegn; en celle i regnearket rummer højst %d (Excels grænse)"},
    {"a text in the pool file has %zu characters; with the words around it a workbook cell "
     "holds at most %d",
     "en tekst i puljefilen har %zu tegn; med ordene omkring den rummer en celle i regnearket "
     "højst %d"},
    {"the label has %zu characters; with the words around it a workbook cell holds at most %d",
     "betegnelsen har %zu tegn; med ordene omkring den rummer en celle i regnearket højst %d"},
    {"check the CVR numbers: one association has one CVR number; if they are two "
     "associations, tell them apart in the name",
     "kontrollér CVR-numrene: én forening har ét CVR-nummer; er det to foreninger, så skeln "
     "mellem dem i navnet"},
    {"\"%s\" has CVR %s here but CVR %s on line %u",
     "\"%s\" har CVR %s her, men CVR %s på linje %u"},
    {"check the amount: was it meant in thousands, or typed with an English thousands "
     "separator?",
     "kontrollér beløbet: var det ment i tusinder, eller skrevet med engelsk "
     "tusindtalsskilletegn?"},
    {"applied for only DKK %s (Ansøgt)",
     "ansøgt om kun %s kr. (Ansøgt)"},
    {"assessed only DKK %s (Indstillet)",
     "indstillet kun %s kr. (Indstillet)"},
    {"check Indstillet against Ansøgt: \"50.000\" read as 50 under an English locale looks like "
     "this",
     "sammenlign Indstillet med Ansøgt: \"50.000\" læst som 50 under en engelsk opsætning ser "
     "sådan ud"},
    {"assessed DKK %s is below 1%% of the DKK %s applied for",
     "indstillet %s kr. er under 1 %% af de %s kr., der er ansøgt om"},
    {"check the amount for an extra digit or a missing separator",
     "kontrollér beløbet for et ekstra ciffer eller et manglende skilletegn"},
    {"applied for DKK %s, more than %d times the pool's median (DKK %s)",
     "ansøgt om %s kr., mere end %d gange puljens median (%s kr.)"},
    {"assessed DKK %s, more than %d times the pool's median (DKK %s)",
     "indstillet %s kr., mere end %d gange puljens median (%s kr.)"},
    {"check the supplement: it adds to the grant and is usually the smaller",
     "kontrollér tillægget: det lægges oven i tilskuddet og er som regel det mindste"},
    {"the supplement from [earmark %s] (DKK %s) is larger than the grant assessed (DKK %s)",
     "tillægget fra [earmark %s] (%s kr.) er større end det indstillede tilskud (%s kr.)"},
    {"%s is missing",
     "%s mangler"},
    {"amounts in the pool file are never below zero",
     "beløb i puljefilen er aldrig under nul"},
    {"%s%s\"%s\" is negative",
     "%s%s\"%s\" er negativt"},
    {"%s%s\"%s\" %s",
     "%s%s\"%s\" %s"},
    {" and ",
     " og "},
    {"write the header as [%s]",
     "skriv overskriften som [%s]"},
    {"the section header has no closing ']'",
     "afsnitsoverskriften mangler den afsluttende ']'"},
    {"did you mean [%s]? The sections are %s",
     "mente du [%s]? Afsnittene er %s"},
    {"the sections are %s",
     "afsnittene er %s"},
    {"unknown section [%s]; its lines are skipped",
     "ukendt afsnit [%s]; dets linjer springes over"},
    {"write the line as `<label> = <amount>`; the label is shown in the workbook",
     "skriv linjen som `<betegnelse> = <beløb>`; betegnelsen vises i regnearket"},
    {"this line in [%s] has no label",
     "denne linje i [%s] har ingen betegnelse"},
    {"merge lines %u and %u into one, or make the labels different",
     "slå linje %u og %u sammen til én, eller giv dem forskellige betegnelser"},
    {"the label \"%s\" appears twice in [%s], on lines %u and %u",
     "betegnelsen \"%s\" står to gange i [%s], på linje %u og %u"},
    {"put a section header such as [pool] above it",
     "sæt en afsnitsoverskrift som [pool] over den"},
    {"\"%s\" stands before any section",
     "\"%s\" står før ethvert afsnit"},
    {"add at least one `<label> = <amount>` line under [budget]",
     "tilføj mindst én linje `<betegnelse> = <beløb>` under [budget]"},
    {"the pool file has no budget lines",
     "puljefilen har ingen budgetlinjer"},
    {"write %s or %s (a multiple of rounding = %s)",
     "skriv %s eller %s (et multiplum af rounding = %s)"},
    {"check the amounts; the lines are whole kroner",
     "kontrollér beløbene; linjerne er hele kroner"},
    {"the lines in [%s] add up to more than DKK %s",
     "linjerne i [%s] giver tilsammen mere end %s kr."},
    {"check the amounts in [budget] (line %u)",
     "kontrollér beløbene i [budget] (linje %u)"},
    {", [reservations] (line %u)",
     ", [reservations] (linje %u)"},
    {", [earmarks] (line %u)",
     ", [earmarks] (linje %u)"},
    {", [earmark %s] (line %u)",
     ", [earmark %s] (linje %u)"},
    {"; no money would be left for grants",
     "; der ville ikke være midler tilbage til tilskud"},
    {"reservations and earmarks (DKK %s) exceed the budget total (DKK %s) by DKK %s",
     "reservationer og øremærkninger (%s kr.) overstiger det samlede budget (%s kr.) med %s "
     "kr."},
    {"out of memory reading the pool file",
     "hukommelsen slap op under læsning af puljefilen"},
    {"save the file as UTF-8 text",
     "gem filen som UTF-8-tekst"},
    {"cannot read the pool file as text (out of memory or a bad encoding)",
     "kan ikke læse puljefilen som tekst (hukommelsen slap op, eller forkert tegnkodning)"},
    {"check the path; the default pool file is inputs/pulje-2023.ini",
     "kontrollér stien; standardpuljefilen er inputs/pulje-2023.ini"},
    {"cannot read the pool file: %s",
     "kan ikke læse puljefilen: %s"},
    {"name the earmark with one word, e.g. [earmark trivsel]",
     "navngiv øremærkningen med ét ord, f.eks. [earmark trivsel]"},
    {"earmark key \"%s\" is not one word",
     "øremærkningens nøgle \"%s\" er ikke ét ord"},
    {"merge it with the section on line %u",
     "slå den sammen med afsnittet på linje %u"},
    {"[earmark %s] appears twice",
     "[earmark %s] står to gange"},
    {"the criteria of this earmark are:",
     "øremærkningens kriterier er:"},
    {"declare criteria first: criterion <key> = <text>",
     "angiv først kriterierne: criterion <nøgle> = <tekst>"},
    {"unknown criterion \"%s\"",
     "ukendt kriterium \"%s\""},
    {"write the years as 2023 or 2023-2025",
     "skriv årene som 2023 eller 2023-2025"},
    {"years \"%s\" is not a year or a range of years",
     "years \"%s\" er hverken et år eller en række år"},
    {"keep one line per criterion",
     "hav én linje pr. kriterium"},
    {"criterion \"%s\" is declared twice",
     "kriteriet \"%s\" er angivet to gange"},
    {"write criterion <key> = <Danish description>",
     "skriv criterion <nøgle> = <dansk beskrivelse>"},
    {"more than 16 criteria",
     "mere end 16 kriterier"},
    {"a criterion needs a key and a text",
     "et kriterium kræver en nøgle og en tekst"},
    {"number the tiers 1, 2, ... in order; next is tier %zu",
     "nummerér trinnene 1, 2, ... i rækkefølge; det næste er trin %zu"},
    {"unexpected \"%s\"",
     "uventet \"%s\""},
    {"choose residual (its own line, to the residual) or main (back into the money for "
     "ordinary grants)",
     "vælg residual (sin egen linje, til restbeløbet) eller main (tilbage til midlerne til "
     "ordinære tilskud)"},
    {"unknown unused \"%s\"",
     "ukendt unused \"%s\""},
    {"keep one of the two lines (%u and %u)",
     "behold én af de to linjer (%u og %u)"},
    {"%s is set twice in [earmark %s], first on line %u",
     "%s er angivet to gange i [earmark %s], første gang på linje %u"},
    {"[earmark <key>] has",
     "[earmark <nøgle>] har"},
    {"unknown key \"%s\" in [earmark %s]",
     "ukendt nøgle \"%s\" i [earmark %s]"},
    {"add label = <Danish label> to the section",
     "tilføj label = <dansk betegnelse> til afsnittet"},
    {"[earmark %s] has no label",
     "[earmark %s] har ingen label"},
    {"fix years = ... or remove the earmark for this year",
     "ret years = ..., eller fjern øremærkningen for dette år"},
    {"[earmark %s] runs %d-%d, not in the pool's year %d",
     "[earmark %s] løber %d-%d, ikke i puljens år %d"},
    {"every tier must include the required criteria",
     "hvert trin skal omfatte de krævede kriterier"},
    {"[earmark %s]: tier %zu lacks a required criterion",
     "[earmark %s]: trin %zu mangler et krævet kriterium"},
    {"lower min or raise max; 0 means none",
     "sænk min eller hæv max; 0 betyder ingen"},
    {"[earmark %s]: min (DKK %s) is above max (DKK %s)",
     "[earmark %s]: min (%s kr.) er over max (%s kr.)"},
    {"add a line such as `name = § 18-Hovedpuljen` under [pool]",
     "tilføj en linje som `name = § 18-Hovedpuljen` under [pool]"},
    {"a year",
     "et år"},
    {"write the grant year as four digits, e.g. 2023",
     "skriv tilskudsåret med fire cifre, f.eks. 2023"},
    {"add a line such as `year = 2023` under [pool]",
     "tilføj en linje som `year = 2023` under [pool]"},
    {"write the date as YYYY-MM-DD, e.g. 2022-12-13",
     "skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2022-12-13"},
    {"add a line such as `applications = ansoegninger-2023.csv` under [pool]; the path is "
     "relative to the pool file",
     "tilføj en linje som `applications = ansoegninger-2023.csv` under [pool]; stien er i "
     "forhold til puljefilen"},
    {"choose threshold (the 2023 rule: only amounts above the threshold are reduced; also "
     "\"2023\"), proportional (every amount reduced; also \"pro\"), excess (only the part above "
     "the threshold is reduced), cea (a common ceiling), cel (a common cut in kroner) or "
     "talmud",
     "vælg threshold (2023-reglen: kun beløb over tærsklen reduceres; også \"2023\"), "
     "proportional (alle beløb reduceres; også \"pro\"), excess (kun delen over tærsklen "
     "reduceres), cea (et fælles loft), cel (en fælles nedskæring i kroner) eller talmud"},
    {"use 1, 10, 100, 1.000 or 10.000",
     "brug 1, 10, 100, 1.000 eller 10.000"},
    {"write a share from 0 to 100 %, e.g. 55 % or 50",
     "skriv en andel fra 0 til 100, f.eks. 55 % og 50"},
    {"a number of years",
     "et antal år"},
    {"write a whole number of years, e.g. 5",
     "skriv et helt antal år, f.eks. 5"},
    {"choose error (stop and name both rows) or set_aside (warn and leave the application out)",
     "vælg error (stop og nævn begge rækker) eller set_aside (advar og udelad ansøgningen)"},
    {"%s \"%s\" is not a YYYY-MM-DD date",
     "%s \"%s\" er ikke en dato på formen ÅÅÅÅ-MM-DD"},
    {"%s \"%s\" is before 1900, which a workbook cannot show",
     "%s \"%s\" er før 1900, hvilket et regneark ikke kan vise"},
    {"%s \"%s\" is not a calendar date: there is no month %02d",
     "%s \"%s\" er ikke en dato i kalenderen: der er ingen måned %02d"},
    {"%s \"%s\" is not a calendar date: %s %04d has %d days",
     "%s \"%s\" er ikke en dato i kalenderen: %s %04d har %d dage"},
    {"write a value after the '=' or delete the line",
     "skriv en værdi efter '=', eller slet linjen"},
    {"%s is empty",
     "%s er tom"},
    {"%s \"%s\" is not %s",
     "%s \"%s\" er ikke %s"},
    {"%s %ld is outside %ld..%ld",
     "%s %ld er uden for %ld..%ld"},
    {"unknown rule \"%s\"; the rules are %s",
     "ukendt regel \"%s\"; reglerne er %s"},
    {"rounding must be one of 1, 10, 100, 1.000 or 10.000 kr., not %s",
     "rounding skal være 1, 10, 100, 1.000 eller 10.000 kr., ikke %s"},
    {"unknown %s \"%s\"",
     "ukendt %s \"%s\""},
    {"%s \"%s\" is not a percentage",
     "%s \"%s\" er ikke en procentsats"},
    {"lower min_grant or raise max_grant; 0 means none",
     "sænk min_grant eller hæv max_grant; 0 betyder ingen"},
    {"min_grant (DKK %s) is above max_grant (DKK %s)",
     "min_grant (%s kr.) er over max_grant (%s kr.)"},
    {"[%s] has",
     "[%s] har"},
    {"%s belongs in [%s]",
     "%s hører til i [%s]"},
    {"did you mean %s?",
     "mente du %s?"},
    {"did you mean %s (in [%s])?",
     "mente du %s (i [%s])?"},
    {"unknown key \"%s\" in [%s]",
     "ukendt nøgle \"%s\" i [%s]"},
    {"%s is set twice in [%s], first on line %u",
     "%s er angivet to gange i [%s], første gang på linje %u"},
    {"the pool file has no %s",
     "puljefilen har ingen %s"},
    {"the number",
     "nummeret"},
    {"the CVR",
     "CVR-nummeret"},
    {"the association",
     "foreningen"},
    {"the activity",
     "aktiviteten"},
    {"the refusal reason",
     "afslagsgrunden"},
    {"internal error: no pool, applications or result to report",
     "intern fejl: ingen pulje, ansøgninger eller resultat at skrive"},
    {"internal error: the result has %zu lines for %zu applications",
     "intern fejl: resultatet har %zu linjer for %zu ansøgninger"},
    {"internal error: the pool's lines are missing",
     "intern fejl: puljens linjer mangler"},
    {"%s:%u: application %s: %s is not valid UTF-8",
     "%s:%u: ansøgning %s: %s er ikke gyldig UTF-8"},
    {"internal error: application %s: reduction %" PRId64 " is not assessed %" PRId64 " minus "
     "grant %" PRId64,
     "intern fejl: ansøgning %s: reduktionen %" PRId64 " er ikke indstillet %" PRId64 " minus "
     "tilskud %" PRId64},
    {"internal error: the grants add up to %" PRId64 " but the result says %" PRId64,
     "intern fejl: tilskuddene giver tilsammen %" PRId64 ", men resultatet siger %" PRId64},
    {"internal error: reduction factor %" PRId64 "/%" PRId64,
     "intern fejl: reduktionsfaktor %" PRId64 "/%" PRId64},
    {"internal error: rule %d has no description in labels.c",
     "intern fejl: regel %d har ingen beskrivelse i labels.c"},
    {"%s applications do not fit in one workbook: a sheet holds at most %s rows (Excel's "
     "limit), room for %s applications",
     "%s ansøgninger kan ikke være i ét regneark: et ark rummer højst %s rækker (Excels "
     "grænse), plads til %s ansøgninger"},
    {"%s: decision_date '%s' is not a date written YYYY-MM-DD",
     "%s: decision_date '%s' er ikke en dato skrevet ÅÅÅÅ-MM-DD"},
    {"rule %zu: the economy table does not balance (%lld in, %lld out)",
     "regel %zu: økonomitabellen går ikke op (%lld ind, %lld ud)"},
    {"libxlsxwriter: cannot add a chart",
     "libxlsxwriter: kan ikke tilføje et diagram"},
    {"libxlsxwriter: cannot add a chart series",
     "libxlsxwriter: kan ikke tilføje en dataserie til diagrammet"},
    {"libxlsxwriter: workbook_set_properties: %s",
     "libxlsxwriter: workbook_set_properties: %s"},
    {"internal error: nothing to compare",
     "intern fejl: intet at sammenligne"},
    {"internal error: rule %zu has %zu lines for %zu applications",
     "intern fejl: regel %zu har %zu linjer for %zu ansøgninger"},
    {"the comparison does not fit in one workbook",
     "sammenligningen kan ikke være i ét regneark"},
    {"cannot read the members file %s again for the %s sheet",
     "kan ikke læse medlemsfilen %s igen til arket %s"},
    {"libxlsxwriter: workbook_set_custom_property_string: %s",
     "libxlsxwriter: workbook_set_custom_property_string: %s"},
    {"internal error: a reference to sheet '%s' is too long",
     "intern fejl: en henvisning til arket '%s' er for lang"},
    {"sheet '%s': a note is not valid UTF-8",
     "arket '%s': en note er ikke gyldig UTF-8"},
    {"sheet '%s': a text is not valid UTF-8",
     "arket '%s': en tekst er ikke gyldig UTF-8"},
    {"internal error: decision date '%s' is not a date",
     "intern fejl: beslutningsdatoen '%s' er ikke en dato"},
    {"internal error: a chart range on sheet '%s' is too long",
     "intern fejl: et diagramområde på arket '%s' er for langt"},
    {"libxlsxwriter: cannot add a chart to sheet '%s' (out of memory)",
     "libxlsxwriter: kan ikke tilføje et diagram til arket '%s' (hukommelsen slap op)"},
    {"libxlsxwriter: cannot add a chart series on sheet '%s'",
     "libxlsxwriter: kan ikke tilføje en dataserie på arket '%s'"},
    {"the assessed amounts of DKK %s or less sum to DKK %s, more than the DKK %s available "
     "for new grants; the rule does not reduce them, so no allocation is possible",
     "de indstillede beløb på %s kr. eller mindre giver tilsammen %s kr., mere end de %s kr., "
     "der er til rådighed for nye tilskud; reglen reducerer dem ikke, så ingen fordeling er "
     "mulig"},
    {"the first DKK %s of every assessed amount sum to DKK %s, more than the DKK %s available "
     "for new grants; the excess rule does not reduce them, so no allocation is possible",
     "de første %s kr. af hvert indstillet beløb giver tilsammen %s kr., mere end de %s kr., "
     "der er til rådighed for nye tilskud; excess-reglen reducerer dem ikke, så ingen "
     "fordeling er mulig"},
    {"lower the threshold in [rules], choose rule = proportional, or refuse more applications",
     "sænk tærsklen i [rules], vælg rule = proportional, eller giv afslag til flere "
     "ansøgninger"},
    {"lower the threshold in [rules], choose another rule, or refuse more applications",
     "sænk tærsklen i [rules], vælg en anden regel, eller giv afslag til flere ansøgninger"},
    {"or",
     "eller"},
    {"the amounts the rule protects exceed the money",
     "de beløb, reglen beskytter, overstiger midlerne"},
    {"invalid arguments to the rule",
     "ugyldige argumenter til reglen"},
    {"every share would fall below the minimum grant",
     "alle andele ville komme under mindste tilskud"},
    {"unknown rule status",
     "ukendt regelstatus"},
    {"unknown rule; the rules are %s",
     "ukendt regel; reglerne er %s"},
    {"the threshold %lld kr. is outside 0..%lld kr.",
     "tærsklen %lld kr. er uden for 0..%lld kr."},
    {"the minimum grant %lld kr. is outside 0..%lld kr.",
     "mindste tilskud %lld kr. er uden for 0..%lld kr."},
    {"the maximum grant %lld kr. is outside 0..%lld kr.",
     "højeste tilskud %lld kr. er uden for 0..%lld kr."},
    {"the minimum grant %lld kr. is above the maximum grant %lld kr.",
     "mindste tilskud %lld kr. er over højeste tilskud %lld kr."},
    {"empty rule; the rules are %s",
     "tom regel; reglerne er %s"},
    {"unknown rule \"%.*s\"; the rules are %s",
     "ukendt regel \"%.*s\"; reglerne er %s"},
    {"the rule %s takes no threshold; only %s do (e.g. threshold:50.000)",
     "reglen %s har ingen tærskel; det har kun %s (f.eks. threshold:50.000)"},
    {"the threshold \"%.*s\" in \"%s\" is not a whole-krone amount (e.g. threshold:50.000)",
     "tærsklen \"%.*s\" i \"%s\" er ikke et beløb i hele kroner (f.eks. threshold:50.000)"},
    {"\"%.*s\" in \"%s\" is not an option; the options are +min=AMOUNT (minimum grant) and "
     "+max=AMOUNT (maximum grant)",
     "\"%.*s\" i \"%s\" er ikke et tilvalg; tilvalgene er +min=BELØB (mindste tilskud) og "
     "+max=BELØB (højeste tilskud)"},
    {"unexpected \"%s\" in the rule \"%s\"; write NAME[:THRESHOLD][+min=AMOUNT][+max=AMOUNT]",
     "uventet \"%s\" i reglen \"%s\"; skriv NAVN[:TÆRSKEL][+min=BELØB][+max=BELØB]"},
    {"cannot read %s to compute its SHA-256: %s",
     "kan ikke læse %s for at beregne dens SHA-256: %s"},
    {"see pulje --help",
     "se pulje --help"},
    {"--rule: %s",
     "--rule: %s"},
    {"split the applications into two files and run each as its own pool",
     "del ansøgningerne i to filer, og kør hver som sin egen pulje"},
    {"--sweep: %s",
     "--sweep: %s"},
    {"the result failed its checks; nothing was written",
     "resultatet bestod ikke sine kontroller; intet blev skrevet"},
    {"cannot use output folder %s: %s",
     "kan ikke bruge uddatamappen %s: %s"},
    {"cannot make a staging folder in %s: %s",
     "kan ikke oprette en midlertidig mappe i %s: %s"},
    {"the output folder's name %s is too long",
     "uddatamappens navn %s er for langt"},
    {"name another output folder with --out",
     "angiv en anden uddatamappe med --out"},
    {"%s is an input of this run and is never written over",
     "%s er inddata til denne kørsel og bliver aldrig overskrevet"},
    {"no output was changed",
     "ingen uddata blev ændret"},
    {"could not write %s: %s",
     "kunne ikke skrive %s: %s"},
    {"cannot use the run folders' folder %s: %s",
     "kan ikke bruge mappen til kørselsmapperne %s: %s"},
    {"could not write the run record: %s",
     "kunne ikke skrive kørselsloggen: %s"},
    {"could not make the run folder %s: %s",
     "kunne ikke oprette kørselsmappen %s: %s"},
    {"could not put %s in place: %s",
     "kunne ikke lægge %s på plads: %s"},
    {"wrote the outputs in %s but could not sync the folder: %s",
     "skrev uddata i %s, men kunne ikke synkronisere mappen: %s"},
    {"fix the problems above and read the file again",
     "ret problemerne ovenfor, og læs filen igen"},
    {"more than %d problems; stopped reading here",
     "mere end %d problemer; læsningen stoppede her"},
    {"close other programs or split the file, and try again",
     "luk andre programmer, eller del filen op, og prøv igen"},
    {"out of memory while reading the %s",
     "hukommelsen slap op under læsning af %s"},
    {"a date",
     "en dato"},
    {"a time",
     "et klokkeslæt"},
    {"a percentage",
     "en procentsats"},
    {"a boolean (SAND/FALSK)",
     "en sandhedsværdi (SAND/FALSK)"},
    {"type the amount in whole kroner, like 50.000, in a cell formatted as Tal (number)",
     "skriv beløbet i hele kroner, f.eks. 50.000, i en celle formateret som Tal"},
    {"column %u (%s): cell %s is %s, not an amount",
     "kolonne %u (%s): cellen %s er %s, ikke et beløb"},
    {"format the cell as Tal (number) with Formater celler, and type the amount again in "
     "whole kroner, like 50.000",
     "formatér cellen som Tal med Formater celler, og skriv beløbet igen i hele kroner, "
     "f.eks. 50.000"},
    {"column %u (%s): cell %s is formatted as %s (%s), not as an amount; its value %s would "
     "be read as \"%s\"",
     "kolonne %u (%s): cellen %s er formateret som %s (%s), ikke som et beløb; dens værdi %s "
     "ville blive læst som \"%s\""},
    {"write whole kroner like 50.000 or 50000",
     "skriv hele kroner som 50.000 eller 50000"},
    {"column %u (%s): the amount is empty",
     "kolonne %u (%s): beløbet er tomt"},
    {"column %u (%s): \"%s\" is not a whole-krone amount",
     "kolonne %u (%s): \"%s\" er ikke et beløb i hele kroner"},
    {"round to whole kroner and write them like 50.000 or 50000",
     "rund af til hele kroner, og skriv dem som 50.000 eller 50000"},
    {"column %u (%s): \"%s\" has øre; amounts are whole kroner",
     "kolonne %u (%s): \"%s\" har øre; beløb er hele kroner"},
    {"write 0 or more, in whole kroner like 50.000 or 50000",
     "skriv 0 eller mere, i hele kroner som 50.000 eller 50000"},
    {"column %u (%s): \"%s\" is negative",
     "kolonne %u (%s): \"%s\" er negativt"},
    {"check for extra digits; write whole kroner like 50.000 or 50000",
     "kontrollér for ekstra cifre; skriv hele kroner som 50.000 eller 50000"},
    {"column %u (%s): \"%s\" is larger than any pool (over DKK 1,000,000,000,000)",
     "kolonne %u (%s): \"%s\" er større end nogen pulje (over 1.000.000.000.000 kr.)"},
    {"write whole kroner with '.' between thousands, like 100.000 or 100000; ',' only before "
     "øre (,00 or ,-)",
     "skriv hele kroner med '.' mellem tusinderne, som 100.000 eller 100000; ',' kun foran "
     "øre (,00 eller ,-)"},
    {"column %u (%s): \"%s\" %s",
     "kolonne %u (%s): \"%s\" %s"},
    {"every row needs a field for each column: add the missing value (or an empty field, "
     "';;') where it belongs",
     "hver række skal have et felt for hver kolonne: tilføj den manglende værdi (eller et "
     "tomt felt, ';;') hvor den hører til"},
    {"the row has %zu fields, the header %zu: a field is probably missing before column %zu "
     "(%s), since column %zu (%s) holds \"%s\", which reads as an amount",
     "rækken har %zu felter, overskriften %zu: der mangler sandsynligvis et felt før kolonne "
     "%zu (%s), da kolonne %zu (%s) indeholder \"%s\", som læses som et beløb"},
    {"every row needs a field for each column: look for a missing ';', or a text with a line "
     "break that is not in double quotes",
     "hver række skal have et felt for hver kolonne: se efter et manglende ';' eller en tekst "
     "med linjeskift, der ikke står i anførselstegn"},
    {"the row has %zu fields, the header has %zu columns",
     "rækken har %zu felter, overskriften har %zu kolonner"},
    {"a ';' inside a text must be in double quotes, like \"Kost; motion\"; or give the column a "
     "header",
     "et ';' inde i en tekst skal stå i anførselstegn, som \"Kost; motion\"; eller giv kolonnen "
     "en overskrift"},
    {"the row has %zu fields, the header has %zu columns (column %zu holds \"%s\")",
     "rækken har %zu felter, overskriften har %zu kolonner (kolonne %zu indeholder \"%s\")"},
    {"split the file",
     "del filen op"},
    {"more than %zu %s in one file",
     "mere end %zu %s i én fil"},
    {"save the file from Excel as \"CSV UTF-8 (kommasepareret)\" or \"CSV (semikolonsepareret)\", "
     "not as Unicode text",
     "gem filen fra Excel som \"CSV UTF-8 (kommasepareret)\" eller \"CSV (semikolonsepareret)\", "
     "ikke som Unicode-tekst"},
    {"the file contains NUL bytes: it is not a CSV text file (UTF-16?)",
     "filen indeholder NUL-byte: den er ikke en CSV-tekstfil (UTF-16?)"},
    {"save the file from Excel as \"CSV UTF-8\" and try again",
     "gem filen fra Excel som \"CSV UTF-8\", og prøv igen"},
    {"cannot convert the file to UTF-8 (out of memory, or no Windows-1252 converter)",
     "kan ikke omsætte filen til UTF-8 (hukommelsen slap op, eller der er ingen "
     "Windows-1252-omsætter)"},
    {"the first line must be the header, like %s, then one line per %s",
     "første linje skal være overskriften, f.eks. %s, og derefter én linje pr. %s"},
    {"the file is empty",
     "filen er tom"},
    {"add one line per %s below the header",
     "tilføj én linje pr. %s under overskriften"},
    {"the file has a header but no %s",
     "filen har en overskrift, men ingen %s"},
    {"check the name and that the file exists and can be read; save it from Excel as \"CSV "
     "(semikolonsepareret)\"",
     "kontrollér navnet, og at filen findes og kan læses; gem den fra Excel som \"CSV "
     "(semikolonsepareret)\""},
    {"cannot read %s: %s",
     "kan ikke læse %s: %s"},
    {"column %zu (%s)",
     "kolonne %zu (%s)"},
    {"column %zu",
     "kolonne %zu"},
    {"delete the character (it is invisible in most programs: retype the text around it), and "
     "save the file again",
     "slet tegnet (det er usynligt i de fleste programmer: skriv teksten omkring det igen), "
     "og gem filen igen"},
    {"%s: the control character U+%04zX (%s) at character %zu; only tab and line breaks may "
     "stand in a text",
     "%s: styretegnet U+%04zX (%s) ved tegn %zu; kun tabulator og linjeskift må stå i en tekst"},
    {"retype the character and save the file from Excel as \"CSV UTF-8 (kommasepareret)\"",
     "skriv tegnet igen, og gem filen fra Excel som \"CSV UTF-8 (kommasepareret)\""},
    {"%s: the byte at character %zu is neither UTF-8 nor a Windows-1252 letter (0x81, 0x8D, "
     "0x8F, 0x90 or 0x9D)",
     "%s: byten ved tegn %zu er hverken UTF-8 eller et Windows-1252-bogstav (0x81, 0x8D, "
     "0x8F, 0x90 eller 0x9D)"},
    {"retype the character (in Windows-1252 the byte is \"%s\") and save the file as \"CSV UTF-8\"",
     "skriv tegnet igen (i Windows-1252 er byten \"%s\"), og gem filen som \"CSV UTF-8\""},
    {"retype the character and save the file as \"CSV UTF-8\"",
     "skriv tegnet igen, og gem filen som \"CSV UTF-8\""},
    {"%s: byte 0x%02X at character %zu is not UTF-8, though the file is (it has UTF-8 letters "
     "from line %u); text pasted from another program?",
     "%s: byte 0x%02X ved tegn %zu er ikke UTF-8, selv om filen er det (den har "
     "UTF-8-bogstaver fra linje %u); tekst kopieret fra et andet program?"},
    {"column %zu (%s): %s",
     "kolonne %zu (%s): %s"},
    {"column %zu: %s",
     "kolonne %zu: %s"},
    {"did you mean \"%s\"? Known columns: %s",
     "mente du \"%s\"? Kendte kolonner: %s"},
    {"known columns: %s; delete the column if it is not needed",
     "kendte kolonner: %s; slet kolonnen, hvis den ikke skal bruges"},
    {"column %zu: unknown column \"%s\"",
     "kolonne %zu: ukendt kolonne \"%s\""},
    {"add a column headed \"%s\"",
     "tilføj en kolonne med overskriften \"%s\""},
    {"required column \"%s\" is missing (found: %s)",
     "den krævede kolonne \"%s\" mangler (fundet: %s)"},
    {"save the file from Excel as \"CSV (semikolonsepareret)\" so that ';' separates the columns",
     "gem filen fra Excel som \"CSV (semikolonsepareret)\", så ';' adskiller kolonnerne"},
    {"the header \"%s\" is one column: the file is not separated by ';'",
     "overskriften \"%s\" er én kolonne: filen er ikke adskilt med ';'"},
    {"delete one of the two columns",
     "slet en af de to kolonner"},
    {"column %zu (%s) is the same column as column %d (%s)",
     "kolonne %zu (%s) er samme kolonne som kolonne %d (%s)"},
    {"the first line must name the columns, like %s; delete any title lines above it",
     "første linje skal navngive kolonnerne, f.eks. %s; slet eventuelle titellinjer over den"},
    {"this is not the header: no cell names a known column (first cell \"%s\")",
     "dette er ikke overskriften: ingen celle navngiver en kendt kolonne (første celle \"%s\")"},
    {"give the column one of the known headers, or delete the column",
     "giv kolonnen en af de kendte overskrifter, eller slet kolonnen"},
    {"column %zu has no header",
     "kolonne %zu har ingen overskrift"},
    {"error: more problems were found than could be stored (out of memory)\n",
     "fejl: der blev fundet flere problemer, end der kunne gemmes (hukommelsen slap op)\n"},
    {"%s %d: %zu run%s kept in %s\n",
     "%s %d: kørsler: %zu%.0s, gemt i %s\n"},
    {"  %-12s (no run record)\n",
     "  %-12s (ingen kørselslog)\n"},
    {"  %-12s %-20s %-14s %-18s reserved DKK %s  granted DKK %s  residual DKK %s  reduced %zu "
     " refused %zu\n",
     "  %-12s %-20s %-14s %-18s reserveret %s kr.  tildelt %s kr.  rest %s kr.  reduceret %zu "
     " afslag %zu\n"},
    {"the ledger %s reserves DKK %s for %d; check its Udbetalingsår and Beløb columns, or "
     "raise the money in [budget] (line %u)",
     "forpligtelseslisten %s reserverer %s kr. for %d; kontrollér dens kolonner Udbetalingsår "
     "og Beløb, eller hæv midlerne i [budget] (linje %u)"},
    {"reservations (DKK %s, of which DKK %s from the ledger) and earmarks exceed the budget "
     "total (DKK %s)",
     "reservationer (%s kr., heraf %s kr. fra forpligtelserne) og øremærkninger overstiger "
     "det samlede budget (%s kr.)"},
    {"write the committee's decision date in [pool] as decision_date = YYYY-MM-DD",
     "skriv udvalgets beslutningsdato i [pool] som decision_date = ÅÅÅÅ-MM-DD"},
    {"[pool] has no decision_date; the workbook and the 360Giving award date use %s",
     "[pool] har ingen decision_date; regnearket og 360Giving-bevillingsdatoen bruger %s"},
    {"out of memory reading %s",
     "hukommelsen slap op under læsning af %s"},
    {"%s: too many shared strings",
     "%s: for mange delte tekster"},
    {"the zip archive has no %s: it is not an Excel workbook",
     "zip-arkivet har ingen %s: det er ikke et Excel-regneark"},
    {"%s lists no sheet",
     "%s angiver intet ark"},
    {"no sheet is named \"%.60s\"; the sheets are %s",
     "intet ark hedder \"%.60s\"; arkene er %s"},
    {"the first sheet in %s has no r:id",
     "det første ark i %s har intet r:id"},
    {"the workbook's relationships (for %s) are missing",
     "regnearkets relationer (for %s) mangler"},
    {"the first sheet's r:id %.40s has no relationship",
     "det første arks r:id %.40s har ingen relation"},
    {"the first sheet is not a worksheet (a chart sheet?)",
     "det første ark er ikke et regneark (et diagramark?)"},
    {"the first sheet's target %.200s leads nowhere",
     "det første arks mål %.200s fører ingen steder hen"},
    {"the first sheet's part %s is missing",
     "det første arks del %s mangler"},
    {"no error",
     "ingen fejl"},
    {"the file cannot be opened",
     "filen kan ikke åbnes"},
    {"the file is not an Excel workbook (.xlsx)",
     "filen er ikke et Excel-regneark (.xlsx)"},
    {"the workbook is damaged",
     "regnearket er beskadiget"},
    {"the file holds no workbook with a sheet",
     "filen indeholder intet regneark med et ark"},
    {"the workbook's first sheet cannot be read",
     "regnearkets første ark kan ikke læses"},
    {"a part of the workbook is not well-formed XML",
     "en del af regnearket er ikke velformet XML"},
    {"the first sheet is not laid out as Excel writes it",
     "det første ark er ikke opbygget, som Excel skriver det"},
    {"the workbook is too large to read",
     "regnearket er for stort til at blive læst"},
    {"the workbook is encrypted (saved with a password)",
     "regnearket er krypteret (gemt med adgangskode)"},
    {"the workbook has no sheet of that name",
     "regnearket har intet ark med det navn"},
    {"unknown error",
     "ukendt fejl"},
    {"%s: the text passes the limit of %zu bytes",
     "%s: teksten overskrider grænsen på %zu byte"},
    {"%s line %llu: a DOCTYPE, which a workbook part never has",
     "%s linje %llu: en DOCTYPE, som en del af et regneark aldrig har"},
    {"%s unpacks to %llu bytes, more than the limit of %zu",
     "%s pakkes ud til %llu byte, mere end grænsen på %zu"},
    {"cannot unpack %s: %s",
     "kan ikke pakke %s ud: %s"},
    {"%s unpacks to more than the limit of %zu bytes",
     "%s pakkes ud til mere end grænsen på %zu byte"},
    {"%s line %llu, column %llu: %s",
     "%s linje %llu, kolonne %llu: %s"},
    {"cannot unpack %s",
     "kan ikke pakke %s ud"},
    {"the zip archive is cut short or damaged (%s)",
     "zip-arkivet er afkortet eller beskadiget (%s)"},
    {"it is an OLE container holding an EncryptedPackage stream, not a zip archive",
     "det er en OLE-beholder med en EncryptedPackage-strøm (et krypteret regneark), ikke et "
     "zip-arkiv"},
    {"it is an Excel 97-2003 workbook (.xls) named .xlsx, not a zip archive",
     "det er et Excel 97-2003-regneark (.xls) med navnet .xlsx, ikke et zip-arkiv"},
    {"it is not a zip archive (a CSV or text file named .xlsx?)",
     "det er ikke et zip-arkiv (en CSV- eller tekstfil med navnet .xlsx?)"},
    {"out of memory opening the file",
     "hukommelsen slap op, da filen blev åbnet"},
    {"%s: row number \"%.20s\" is not 1 to %u",
     "%s: rækkenummeret \"%.20s\" er ikke 1 til %u"},
    {"%s: more than %u rows",
     "%s: mere end %u rækker"},
    {"%s: row %u comes after row %u",
     "%s: række %u kommer efter række %u"},
    {"%s row %u: \"%.20s\" is not a cell within Excel's %u rows and %u columns",
     "%s række %u: \"%.20s\" er ikke en celle inden for Excels %u rækker og %u kolonner"},
    {"%s: cell %.20s is inside row %u",
     "%s: cellen %.20s står i række %u"},
    {"%s row %u: more than %u columns",
     "%s række %u: mere end %u kolonner"},
    {"%s: cell %s comes after a cell further right",
     "%s: cellen %s kommer efter en celle længere til højre"},
    {"%s: cell %s refers to shared string \"%.20s\", but the workbook has %zu",
     "%s: cellen %s henviser til den delte tekst \"%.20s\", men regnearket har %zu"},
    {"the sheet's text passes the limit of %zu bytes",
     "arkets tekst overskrider grænsen på %zu byte"},
    {"out of memory reading the sheet",
     "hukommelsen slap op under læsning af arket"},
    {"%s: too many cell styles",
     "%s: for mange cellestile"},
    {"%s: too many number formats",
     "%s: for mange talformater"},
    {"%s: too many dates and percentages",
     "%s: for mange datoer og procentsatser"},
    /* the command line's did-you-mean (terminal_hint.c) */
    {"pulje: unknown command '%s'\n",
     "pulje: ukendt kommando '%s'\n"},
    {"  hint: did you mean %s? The commands are %s; see pulje --help\n",
     "  råd: mente du %s? Kommandoerne er %s; se pulje --help\n"},
    {"  hint: the commands are %s; see pulje --help\n",
     "  råd: kommandoerne er %s; se pulje --help\n"},
    {"  hint: did you mean --%s? See pulje --help\n",
     "  råd: mente du --%s? Se pulje --help\n"},
    {"unknown rule \"%s\"; did you mean %s? The rules are %s",
     "ukendt regel \"%s\"; mente du %s? Reglerne er %s"},
    {"unknown rule \"%.*s\"; did you mean %s? The rules are %s",
     "ukendt regel \"%.*s\"; mente du %s? Reglerne er %s"},
    {"internal error: the money for new grants is %" PRId64 " kr., but "
     "budget - reserved - earmarked + returned is not",
     "intern fejl: midlerne til nye tilskud er %" PRId64 " kr., men "
     "budget - reserveret - øremærket + tilbageført er det ikke"},
    {"internal error: the key figures differ from the applications' sums",
     "intern fejl: nøgletallene afviger fra ansøgningernes summer"},
    /* pulje diff (diff_read.c, diff_cmd.c, run.c) */
    {"%s is not a decisions CSV of pulje: %d columns, at least %d expected",
     "%s er ikke en afgørelses-CSV fra pulje: %d kolonner, mindst %d ventet"},
    {"%s line %d: %d fields, the header has %d",
     "%s linje %d: %d felter, overskriften har %d"},
    {"%s holds no decisions (a compare run?)",
     "%s indeholder ingen afgørelser (en sammenligningskørsel?)"},
    {"pulje diff A B compares two runs",
     "pulje diff A B sammenligner to kørsler"},
    {"the workbook has no changes sheet: %s",
     "projektmappen får intet ark med ændringer: %s"},
    {"pulje: there is no run %d in %s\n"
     "  hint: pulje history lists the runs\n",
     "pulje: der er ingen kørsel %d i %s\n"
     "  råd: pulje history viser kørslerne\n"},
    {"'%s' is neither a run number, a run folder nor a decisions CSV",
     "'%s' er hverken et kørselsnummer, en kørselsmappe eller en afgørelses-CSV"},
    {"pulje: %s\n  hint: pulje diff [RUN-A [RUN-B]] [POOL-FILE]; "
     "a run is a number from pulje history, a run folder or a decisions CSV\n",
     "pulje: %s\n  råd: pulje diff [KØRSEL-A [KØRSEL-B]] [PULJEFIL]; "
     "en kørsel er et nummer fra pulje history, en kørselsmappe eller en afgørelses-CSV\n"},
    {"pulje: %s has no two runs to compare\n"
     "  hint: pulje run makes a run; pulje history lists them\n",
     "pulje: %s har ikke to kørsler at sammenligne\n"
     "  råd: pulje run laver en kørsel; pulje history viser dem\n"},

    /* letters, follow-up and the tied-assessor warning */
    {"write the date as YYYY-MM-DD, e.g. 2024-03-31",
     "skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2024-03-31"},
    {"column %u (%s): \"%s\" is not a date",
     "kolonne %u (%s): \"%s\" er ikke en dato"},
    {"write the year with four digits",
     "skriv året med fire cifre"},
    {"column %u (%s): \"%s\" is not a year",
     "kolonne %u (%s): \"%s\" er ikke et år"},
    {"[pool] overdue = refuse; the report is recorded in the Modtaget column of the follow-up "
     "ledger",
     "[pool] overdue = refuse; afrapporteringen noteres i kolonnen Modtaget i "
     "opfølgningslisten"},
    {"nr. %s %s is refused: the report on its %d grant (due %s, %s:%u) has not been received",
     "nr. %s %s får afslag: afrapporteringen af tilskuddet for %d (frist %s, %s:%u) er ikke "
     "modtaget"},
    {"write the date received in the Modtaget column of the follow-up ledger, or refuse with "
     "[pool] overdue = refuse",
     "skriv modtagelsesdatoen i kolonnen Modtaget i opfølgningslisten, eller giv afslag med "
     "[pool] overdue = refuse"},
    {"nr. %s %s has not handed in the report on its %d grant (due %s, %s:%u)",
     "nr. %s %s har ikke afleveret afrapporteringen af tilskuddet for %d (frist %s, %s:%u)"},
    {"%s:%u: [budget] %s: DKK %s paid back, from %s%s",
     "%s:%u: [budget] %s: %s kr. tilbagebetalt, fra %s%s"},
    {"follow-up: %s -> %s (%zu grants: %zu reports received, %zu not yet, %zu of them with a "
     "deadline; DKK %s paid back)",
     "opfølgning: %s -> %s (%zu tilskud: %zu afrapporteringer modtaget, %zu endnu ikke, %zu "
     "af dem med frist; %s kr. tilbagebetalt)"},
    {"the letters' template",
     "brevskabelonen"},
    {"the follow-up ledger",
     "opfølgningslisten"},
    {"cannot read the font %s: %s (install fonts-dejavu-core)",
     "kan ikke læse skrifttypen %s: %s (installér fonts-dejavu-core)"},
    {"libharu could not make the PDF (error 0x%04X)",
     "libharu kunne ikke lave PDF-filen (fejl 0x%04X)"},
    {"cannot write %s: libharu error 0x%04X",
     "kan ikke skrive %s: libharu-fejl 0x%04X"},
    {"`letter =` in [pool] names the template relative to the pool file; leave it out for the "
     "built-in one",
     "`letter =` i [pool] angiver skabelonen i forhold til puljefilen; udelad den for at "
     "bruge den indbyggede"},
    {"cannot read the letter template %s: %s",
     "kan ikke læse brevskabelonen %s: %s"},
    {"save the template as UTF-8",
     "gem skabelonen som UTF-8"},
    {"the letter template is not UTF-8",
     "brevskabelonen er ikke UTF-8"},
    {"%s is not a folder",
     "%s er ikke en mappe"},
    {"%s holds %s, which is not a letter; move it away, pulje replaces the folder whole",
     "%s indeholder %s, som ikke er et brev; flyt den væk, pulje erstatter hele mappen"},
    {"cannot make a folder beside %s: %s",
     "kan ikke oprette en mappe ved siden af %s: %s"},
    {"cannot move the old %s aside: %s",
     "kan ikke flytte den gamle %s til side: %s"},
    {"cannot put %s in place: %s",
     "kan ikke lægge %s på plads: %s"},
    {"close the field with '}', or write {{ for a '{'",
     "luk feltet med '}', eller skriv {{ for et '{'"},
    {"a field opened with '{' is not closed on its line",
     "et felt åbnet med '{' er ikke lukket på samme linje"},
    {"the fields are listed in the README under \"Letters\"",
     "felterne står i README under \"Letters\""},
    {"unknown field {%.*s} in the letter template",
     "ukendt felt {%.*s} i brevskabelonen"},
    {"the sections are [emne], [bevilget], [delvis], [afslag], [vilkår], [afslutning] and "
     "[hilsen]",
     "afsnittene er [emne], [bevilget], [delvis], [afslag], [vilkår], [afslutning] og [hilsen]"},
    {"unknown section %.*s in the letter template",
     "ukendt afsnit %.*s i brevskabelonen"},
    {"start the template with a section such as [emne]",
     "begynd skabelonen med et afsnit, f.eks. [emne]"},
    {"text before the first section of the letter template",
     "tekst før brevskabelonens første afsnit"},
    {"let another panel member assess the application again and write that in the Vurderet "
     "column (forvaltningsloven § 3)",
     "lad et andet medlem vurdere ansøgningen igen og skriv det i kolonnen Vurderet "
     "(forvaltningsloven § 3)"},
    {"%s (%s) assessed nr. %s %s, an application %s is tied to (%s%s)",
     "%s (%s) har vurderet nr. %s %s, en ansøgning som %s er knyttet til (%s%s)"},
    {"the other outputs are in place",
     "de øvrige filer er skrevet"},
    {" (none yet: the line is a comment)",
     " (intet endnu: linjen er en kommentar)"},
    {"this build of pulje writes no PDF letters; pulje letters on the command line does",
     "denne udgave af pulje skriver ingen PDF-breve; det gør pulje letters på kommandolinjen"},
    {"could not sync the folder %s: %s",
     "kunne ikke synkronisere mappen %s: %s"},
};

size_t msg_count(void)
{
    return sizeof table / sizeof table[0];
}

void msg_pair(size_t i, const char **english, const char **danish)
{
    *english = i < msg_count() ? table[i].en : NULL;
    *danish = i < msg_count() ? table[i].da : NULL;
}

/* Lookups are a binary search over the entries sorted by their English
 * text, built once: a run that warns about 15.000 rows looked each one up
 * by a linear scan of the whole table (a sixth of reading a large pool). */
#define MSG_MAX 4096
_Static_assert(sizeof table / sizeof table[0] < MSG_MAX, "raise MSG_MAX");
static unsigned short by_english[MSG_MAX];
static unsigned char same_conversions[MSG_MAX];
static size_t indexed;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static int cmp_english(const void *a, const void *b)
{
    return strcmp(table[*(const unsigned short *)a].en, table[*(const unsigned short *)b].en);
}

static void build_index(void)
{
    char a[128], b[128];

    indexed = msg_count() < MSG_MAX ? msg_count() : MSG_MAX;
    for (size_t i = 0; i < indexed; i++) {
        by_english[i] = (unsigned short)i;
        /* a Danish format with other conversions would read the wrong arguments */
        same_conversions[i] = (!strchr(table[i].en, '%') && !strchr(table[i].da, '%')) ||
                              strcmp(msg_conversions(table[i].en, a, sizeof a),
                                     msg_conversions(table[i].da, b, sizeof b)) == 0;
    }
    qsort(by_english, indexed, sizeof by_english[0], cmp_english);
}

/* The table index of english, or -1. */
static long find(const char *english)
{
    size_t lo = 0, hi;

    pthread_once(&index_once, build_index);
    hi = indexed;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(table[by_english[mid]].en, english);
        if (c == 0)
            return by_english[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

const char *msg_danish(const char *english)
{
    long i = english ? find(english) : -1;

    return i < 0 ? NULL : table[i].da;
}

/* Skip a printf conversion's flags, width, precision; append its length
 * modifier and letter to out. Returns the character after it. */
static const char *one_conversion(const char *p, char *out, size_t size, size_t *n)
{
    char spec[8];
    size_t k = 0;

    while (*p && strchr("-+ #0'", *p))
        p++;
    if (*p == '*') {
        if (*n + 2 < size) {
            out[(*n)++] = '*';
            out[(*n)++] = ' ';
        }
        p++;
    }
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        if (*p == '*') {
            if (*n + 2 < size) {
                out[(*n)++] = '*';
                out[(*n)++] = ' ';
            }
            p++;
        }
        while (*p >= '0' && *p <= '9')
            p++;
    }
    while (*p && strchr("hljztL", *p) && k < 4)
        spec[k++] = *p++;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return p; /* "100 %, e.g.": a per cent sign in a hint, not a conversion */
    spec[k++] = *p++;
    for (size_t i = 0; i < k && *n + 2 < size; i++)
        out[(*n)++] = spec[i];
    if (*n + 1 < size)
        out[(*n)++] = ' ';
    return p;
}

char *msg_conversions(const char *fmt, char *out, size_t size)
{
    size_t n = 0;

    if (size == 0)
        return out;
    for (const char *p = fmt; p && *p;) {
        if (*p != '%') {
            p++;
        } else if (p[1] == '%') {
            p += 2;
        } else {
            p = one_conversion(p + 1, out, size, &n);
        }
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

const char *msg_tr(const char *english)
{
    long i;

    if (!english || labels_language() != LABEL_DA)
        return english;
    i = find(english);
    return i < 0 || !same_conversions[i] ? english : table[i].da;
}
