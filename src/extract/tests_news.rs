//! Constructions of wire news, each with three sentences written for it
//! on actors of the test gazetteer (none from a gold file), and the
//! asserted events each must give and nothing else.

use super::tests::wrong_cases;

/// (sentence, expected asserted events)
const NEWS_CASES: &[(&str, &[&str])] = &[
    // a warning addressed to an actor of what will be is a threat
    (
        "Eritrea warned Ethiopia that any incursion into its territory would be met with force.",
        &["eritrea oppose ethiopia"],
    ),
    (
        "Abiy Ahmed warned the TPLF that his army will crush any rebellion.",
        &["abiy_ahmed oppose tplf"],
    ),
    (
        "Saudi Arabia warned Iran that it would respond to any attack.",
        &["saudi_arabia oppose iran"],
    ),
    // ... but telling a body what has happened is no threat
    (
        "Blinken warned the African Union that the war had entered a new phase.",
        &[],
    ),
    // a participle joined to a name is no verb: it modifies the noun after
    // it, and a demonym before it is its state acting
    (
        "Chad's French-backed government condemned Russia.",
        &["chad oppose russia"],
    ),
    (
        "Iranian-backed Houthis attacked Saudi Arabia.",
        &["houthis oppose saudi_arabia", "iran support houthis"],
    ),
    (
        "Chad's U.S.-backed government condemned Russia.",
        &["chad oppose russia"],
    ),
    // "his country": the state of the person the pronoun names
    (
        "Abiy Ahmed said his country would keep fighting the TPLF.",
        &["ethiopia oppose tplf", "tplf oppose ethiopia"],
    ),
    (
        "Isaias Afwerki said his country had condemned the TPLF.",
        &["eritrea oppose tplf"],
    ),
    (
        "Mohammed bin Salman said his country had armed the Yemeni government.",
        &["saudi_arabia support yemen_government"],
    ),
    ("Burhan said his country would never attack Chad.", &[]),
    // a verb coordinated after a reported clause shares the reporter's
    // subject, not that of the clause ("that" opens no relative clause)
    (
        "Abiy Ahmed said that Eritrea was ready, and praised the UAE for its support.",
        &["abiy_ahmed support uae"],
    ),
    (
        "Hemedti said on Monday that the talks had failed and accused the SAF of shelling.",
        &["hemedti oppose saf"],
    ),
    (
        "Isaias Afwerki said in a televised speech that Ethiopia would prevail, and thanked Chad.",
        &["isaias_afwerki support chad"],
    ),
    // whoever brokers, mediates or hosts a meeting is one more of its
    // participants
    (
        "Hemedti met Burhan in Jeddah, in talks brokered by the United States.",
        &[
            "abdel_fattah_al_burhan meet hemedti",
            "abdel_fattah_al_burhan meet usa",
            "hemedti meet usa",
        ],
    ),
    (
        "The Saudi-mediated talks between the SAF and the RSF resumed.",
        &["rsf meet saf", "rsf meet saudi_arabia", "saf meet saudi_arabia"],
    ),
    (
        "Abiy Ahmed met Isaias Afwerki on Sunday in talks hosted by the UAE.",
        &[
            "abiy_ahmed meet isaias_afwerki",
            "abiy_ahmed meet uae",
            "isaias_afwerki meet uae",
        ],
    ),
    // "the two sides", "both countries", "the two leaders": the two
    // actors of the kind most present before (link::groups)
    (
        "Ethiopia accused Eritrea of shelling its towns. The UAE hosted talks between the two sides in Abu Dhabi.",
        &[
            "eritrea meet ethiopia",
            "eritrea meet uae",
            "ethiopia meet uae",
            "ethiopia oppose eritrea",
        ],
    ),
    (
        "Abiy Ahmed accused Isaias Afwerki of betrayal. The two leaders met in Riyadh on Sunday.",
        &["abiy_ahmed meet isaias_afwerki", "abiy_ahmed oppose isaias_afwerki"],
    ),
    (
        "The RSF attacked the SAF in Khartoum. Chad condemned both sides on Monday.",
        &["chad oppose rsf", "chad oppose saf", "rsf oppose saf"],
    ),
    // "they" right after a list subject is the whole list ...
    (
        "Ethiopia and Eritrea said they backed the African Union.",
        &["eritrea support african_union", "ethiopia support african_union"],
    ),
    (
        "The UAE and Saudi Arabia said they had armed the Yemeni government.",
        &["saudi_arabia support yemen_government", "uae support yemen_government"],
    ),
    (
        "Russia, Iran and Chad said they opposed the RSF.",
        &["chad oppose rsf", "iran oppose rsf", "russia oppose rsf"],
    ),
    // ... but not a list of objects
    (
        "The UAE condemned Ethiopia and Eritrea after they attacked the TPLF.",
        &["uae oppose eritrea", "uae oppose ethiopia"],
    ),
    // "after days of heavy fighting with T": a few words after "after"
    // are a phrase of the clause, whose subject is the clause's
    (
        "The Houthis seized the port after weeks of heavy fighting with the Yemeni government.",
        &["houthis oppose yemen_government", "yemen_government oppose houthis"],
    ),
    (
        "The TPLF withdrew from Mekelle after months of fierce fighting with Eritrea.",
        &["eritrea oppose tplf", "tplf oppose eritrea"],
    ),
    (
        "The RSF retook the bridge after days of clashes with the SAF.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    ("The TPLF withdrew after Eritrean troops attacked the town.", &[]),
    // a dateline is where the story was filed, never the subject
    (
        "KHARTOUM, Sudan (Reuters) - The RSF seized the town after fighting with the SAF.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    (
        "ASMARA, Eritrea (AP) - TPLF fighters shelled the town after fighting with Ethiopian troops.",
        &["ethiopia oppose tplf", "tplf oppose ethiopia"],
    ),
    (
        "RIYADH, Saudi Arabia (Reuters) - Houthi rebels retreated after fighting with the UAE.",
        &["houthis oppose uae", "uae oppose houthis"],
    ),
    // a visit to a country's seat, or a trip there for talks, is a meeting
    // with its government
    (
        "Abiy Ahmed paid a visit to Asmara on Monday.",
        &["abiy_ahmed meet eritrea"],
    ),
    (
        "Blinken arrived in Riyadh for talks on Tuesday.",
        &["antony_blinken meet saudi_arabia"],
    ),
    (
        "Burhan began a trip to Addis Ababa.",
        &["abdel_fattah_al_burhan meet ethiopia"],
    ),
    // ... a seat named as where something was said is only a place
    ("Blinken spoke in Riyadh on Tuesday.", &[]),
    // a participle after a comma has the clause's subject, not its object
    (
        "The UAE hosted Abiy Ahmed in Abu Dhabi, praising Ethiopia for its reforms.",
        &["abiy_ahmed meet uae", "uae support ethiopia"],
    ),
    (
        "Iran armed the Houthis, threatening Saudi Arabia.",
        &["iran oppose saudi_arabia", "iran support houthis"],
    ),
    (
        "Chad backed the SAF on Monday, accusing the RSF of atrocities.",
        &["chad oppose rsf", "chad support saf"],
    ),
    // legitimacy or a proposal withheld is opposition, and the trigger's
    // own negation does not negate it
    ("Russia does not recognize the RSF.", &["russia oppose rsf"]),
    (
        "Ethiopia did not accept the Eritrean proposal.",
        &["ethiopia oppose eritrea"],
    ),
    ("The UAE refused to accept Iran's offer.", &["uae oppose iran"]),
    (
        "Saudi Arabia will no longer accept the Houthis as a party to the talks.",
        &["saudi_arabia oppose houthis"],
    ),
    // continuing action takes back a plan, never a request or a negation
    (
        "Blinken urged Saudi Arabia to keep supporting the Yemeni government.",
        &[],
    ),
    ("Russia asked the RSF to continue to fight the SAF.", &[]),
    ("Eritrea did not continue to back the TPLF.", &[]),
    ("Iran will continue to arm the Houthis.", &["iran support houthis"]),
    (
        "Chad has never stopped accusing Sudan of arming the RSF.",
        &["chad oppose sudan"],
    ),
    // ties cut and envoys expelled, summoned or recalled: diplomatic
    // protest is opposition
    ("Ethiopia summoned Eritrea's ambassador.", &["ethiopia oppose eritrea"]),
    (
        "Sudan expelled diplomats from Chad and the UAE.",
        &["sudan oppose chad", "sudan oppose uae"],
    ),
    (
        "Saudi Arabia recalled its ambassador from Iran.",
        &["saudi_arabia oppose iran"],
    ),
    ("Blinken recalled Iran's threats.", &[]),
    (
        "Eritrea cut diplomatic ties with Ethiopia.",
        &["eritrea oppose ethiopia"],
    ),
    ("Chad froze relations with Sudan.", &["chad oppose sudan"]),
    // a list whose first member names no actor keeps those that do
    (
        "The TPLF defied the federal court and Abiy Ahmed.",
        &["tplf oppose abiy_ahmed"],
    ),
    (
        "Russia condemned the vote and the African Union on Monday.",
        &["russia oppose african_union"],
    ),
    (
        "Eritrea praised the deal and Ethiopia's prime minister.",
        &["eritrea support abiy_ahmed"],
    ),
    ("Iran backed the plan and Saudi Arabia rejected it.", &[]),
    // ties renewed with T, welcomed, are support for T (not any deal)
    (
        "Sudan welcomed the resumption of direct flights with Chad.",
        &["sudan support chad"],
    ),
    (
        "Iran hailed the rapprochement with Saudi Arabia.",
        &["iran support saudi_arabia"],
    ),
    (
        "Ethiopia welcomed the normalisation of ties with Eritrea.",
        &["ethiopia support eritrea"],
    ),
    ("Chad welcomed the deal with Sudan.", &[]),
    // "face off" is a clash, both ways
    (
        "The RSF faced off with the SAF in Omdurman.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    (
        "Eritrea and Ethiopia faced off over the border.",
        &["eritrea oppose ethiopia", "ethiopia oppose eritrea"],
    ),
    (
        "Saudi Arabia complained about Iran's meddling.",
        &["saudi_arabia oppose iran"],
    ),
    // what a state's forces hold stands for the state
    (
        "The Houthis fired rockets at Saudi border posts.",
        &["houthis oppose saudi_arabia"],
    ),
    (
        "Eritrean troops shelled Ethiopian outposts.",
        &["eritrea oppose ethiopia"],
    ),
    ("The RSF shelled Chadian checkpoints.", &["rsf oppose chad"]),
    // "help" is backing, also as the purpose of troops sent
    ("The UAE helped the RSF.", &["uae support rsf"]),
    ("Chad helped Sudan's army.", &["chad support sudan"]),
    (
        "Eritrea sent troops to help the Ethiopian army.",
        &["eritrea support ethiopia"],
    ),
    // "the leadership", "the rulers", "the administration" of the state
    // named before
    (
        "Eritrea massed troops on Monday. The rulers later praised the UAE.",
        &["eritrea support uae"],
    ),
    (
        "Sudan spoke on Monday. The new leadership later praised Chad.",
        &["sudan support chad"],
    ),
    (
        "Ethiopia spoke on Monday. The administration later condemned the TPLF.",
        &["ethiopia oppose tplf"],
    ),
    // "denied that ...", "conceded that ...": verbs of saying, so the verb
    // coordinated after the clause they open keeps their subject
    (
        "The TPLF denied that its fighters had fallen back and accused Eritrea of looting.",
        &["tplf oppose eritrea"],
    ),
    (
        "Chad conceded that the talks had stalled and blamed Sudan.",
        &["chad oppose sudan"],
    ),
    (
        "Iran reiterated that the deal was dead and condemned the UAE.",
        &["iran oppose uae"],
    ),
    // a meeting held, with where and when between it and its sides (a
    // gap only after "held" or "took place": a wider one let a meeting
    // that never happened through on dev_voa half B)
    (
        "Talks were held in Riyadh between the SAF and the RSF.",
        &["rsf meet saf"],
    ),
    (
        "Talks took place in Asmara between Ethiopia and Eritrea.",
        &["eritrea meet ethiopia"],
    ),
    (
        "Consultations were held last week between Chad and Sudan.",
        &["chad meet sudan"],
    ),
    ("Talks were postponed in Doha between Iran and the UAE.", &[]),
    // those who act for a body, "of" it, are it as a subject
    (
        "Representatives of Ethiopia and Eritrea met in Riyadh.",
        &["eritrea meet ethiopia"],
    ),
    (
        "Officials of Chad and Sudan held talks in Khartoum.",
        &["chad meet sudan"],
    ),
    ("Delegations of the SAF and the RSF met in Jeddah.", &["rsf meet saf"]),
    // a state's trade, where a tariff or a ban strikes it, is the state
    (
        "Washington imposed new tariffs on Iranian and Eritrean imports.",
        &["usa oppose eritrea", "usa oppose iran"],
    ),
    (
        "Russia slapped tariffs on Ethiopian goods.",
        &["russia oppose ethiopia"],
    ),
    ("The UAE imposed duties on Sudanese exports.", &["uae oppose sudan"]),
    ("Iranian goods flooded the market in Chad.", &[]),
    // those who fight for a body, "of" it, are it, as target or subject
    (
        "Chad recaptured the border town from fighters of the RSF.",
        &["chad oppose rsf"],
    ),
    ("Ethiopia arrested commanders of the TPLF.", &["ethiopia oppose tplf"]),
    (
        "Militiamen of the Houthis attacked Saudi border posts.",
        &["houthis oppose saudi_arabia"],
    ),
    // "to" and any bare verb is a purpose, no recipient; "train" backs
    ("The UAE sent drones to monitor the RSF.", &[]),
    ("Russia shipped drones to track the Houthis.", &[]),
    ("Saudi Arabia sent troops to watch the RSF.", &[]),
    ("Eritrea sent advisers to train the TPLF.", &["eritrea support tplf"]),
    ("Russia sent weapons to neighbouring Sudan.", &["russia support sudan"]),
    ("The UAE sent drones to their RSF allies.", &["uae support rsf"]),
    // the object before "for V-ing" does the gerund and its purpose; an
    // object that names no actor leaves them no subject
    ("Abiy thanked his guest for sending troops to fight the TPLF.", &[]),
    ("Burhan praised the visitors for shipping wheat to help Sudan.", &[]),
    (
        "Hemedti thanked the UAE for sending drones to support the RSF.",
        &["hemedti support uae", "uae support rsf"],
    ),
];

#[test]
fn news_constructions_give_their_events() {
    let failures = wrong_cases(NEWS_CASES);
    assert!(
        failures.is_empty(),
        "{} of {} wrong:\n{}",
        failures.len(),
        NEWS_CASES.len(),
        failures.join("\n")
    );
}
