//! Sentences that test the trigger words: active and passive verbs,
//! nominal and possessive forms, the classes and frames of the lexicon
//! (three sentences a rule), and what each kind of word asserts.

/// (sentence, expected asserted events)
pub(super) const WORD_CASES: &[(&str, &[&str])] = &[
    // active voice
    ("Iran backs the Houthis.", &["iran support houthis"]),
    (
        "Saudi Arabia has long opposed the Houthis.",
        &["saudi_arabia oppose houthis"],
    ),
    (
        "The RSF attacked the Sudanese Armed Forces in Khartoum.",
        &["rsf oppose saf"],
    ),
    (
        "Eritrea sent troops to Ethiopia last year.",
        &["eritrea support ethiopia"],
    ),
    (
        "The United Arab Emirates funds the Rapid Support Forces, according to the report.",
        &["uae support rsf"],
    ),
    ("Washington condemned the Kremlin on Monday.", &["usa oppose russia"]),
    // passive voice and participles
    (
        "The Houthis, backed by Iran, seized the capital.",
        &["iran support houthis"],
    ),
    (
        "The Yemeni government is supported by Saudi Arabia and the United Arab Emirates.",
        &["saudi_arabia support yemen_government", "uae support yemen_government"],
    ),
    ("The RSF are being armed by the UAE.", &["uae support rsf"]),
    (
        "The TPLF, which is backed by nobody, was attacked by Eritrea.",
        &["eritrea oppose tplf"],
    ),
    // nominal forms
    ("Iran is the main supporter of the Houthis.", &["iran support houthis"]),
    (
        "The Rapid Support Forces receive support from the Wagner Group.",
        &["wagner_group support rsf"],
    ),
    (
        "The main backers of the RSF are the UAE and Russia.",
        &["russia support rsf", "uae support rsf"],
    ),
    ("Chad is one of the closest allies of Sudan.", &["chad support sudan"]),
    (
        "The Yemeni government, with the backing of Saudi Arabia, launched a new push.",
        &["saudi_arabia support yemen_government"],
    ),
    // fighting both ways
    (
        "Fighting between the RSF and the Sudanese Armed Forces spread to Darfur.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    // accusations
    (
        "The Yemeni government accused Iran of arming the Houthis.",
        &["yemen_government oppose iran"],
    ),
    (
        "Burhan blamed the RSF for the attack.",
        &["abdel_fattah_al_burhan oppose rsf"],
    ),
    (
        "The African Union held Eritrea responsible for the killings.",
        &["african_union oppose eritrea"],
    ),
    (
        "Washington imposed sanctions on the Wagner Group.",
        &["usa oppose wagner_group"],
    ),
    // more active and passive forms
    (
        "Eritrean troops fought alongside Ethiopia against the TPLF.",
        &["eritrea support ethiopia"],
    ),
    (
        "The Wagner Group fights on behalf of Russia in Sudan.",
        &["wagner_group support russia"],
    ),
    (
        "The Houthis were attacked by Saudi Arabia and the UAE.",
        &["saudi_arabia oppose houthis", "uae oppose houthis"],
    ),
    (
        "The Sudanese Armed Forces are supported by Eritrea.",
        &["eritrea support saf"],
    ),
    ("Chad sided with the Rapid Support Forces.", &["chad support rsf"]),
    (
        "Washington sanctioned the RSF and the Wagner Group.",
        &["usa oppose rsf", "usa oppose wagner_group"],
    ),
    ("Iranian drones struck Saudi Arabia.", &["iran oppose saudi_arabia"]),
    (
        "Saudi warplanes bombed positions of the Houthis near Sanaa.",
        &["saudi_arabia oppose houthis"],
    ),
    // nominal and possessive forms
    (
        "Iran's support for the Houthis angered Riyadh.",
        &["iran support houthis"],
    ),
    (
        "The RSF's attack on the Sudanese Armed Forces failed.",
        &["rsf oppose saf"],
    ),
    (
        "Ethiopia, with the support of Eritrea, retook the town.",
        &["eritrea support ethiopia"],
    ),
    ("Russia is a key ally of Eritrea.", &["russia support eritrea"]),
    (
        "Chad condemned the killings by the RSF in Darfur.",
        &["chad oppose rsf"],
    ),
    // meetings
    (
        "Negotiations between Ethiopia and the TPLF began in Pretoria.",
        &["ethiopia meet tplf"],
    ),
    (
        "Okafor held talks with Hemedti in Khartoum.",
        &["hemedti meet ngozi_okafor"],
    ),
    (
        "Blinken and Mohammed bin Salman held talks in Jeddah.",
        &["antony_blinken meet mohammed_bin_salman"],
    ),
    (
        "Hans Grundberg visited the Houthis in Sanaa.",
        &["hans_grundberg meet houthis"],
    ),
    // ---- classes and frames (issue 15): three sentences a rule ----
    // a light verb and a military noun, modifiers and a theme between
    (
        "The RSF carried out drone strikes against the SAF near Omdurman.",
        &["rsf oppose saf"],
    ),
    (
        "Saudi Arabia launched a wave of airstrikes on the Houthis.",
        &["saudi_arabia oppose houthis"],
    ),
    (
        "The Houthis came under heavy fire from Saudi Arabia.",
        &["saudi_arabia oppose houthis"],
    ),
    // supply with any theme
    (
        "The UAE delivered drones and armoured vehicles to the RSF.",
        &["uae support rsf"],
    ),
    (
        "Iran shipped ballistic missiles to the Houthis last year.",
        &["iran support houthis"],
    ),
    ("Russia supplied the RSF with fuel.", &["russia support rsf"]),
    // a place's name joined by hyphens is one word of a gap
    (
        "The SAF retook the strategic el-Obeid air base from the RSF.",
        &["saf oppose rsf"],
    ),
    (
        "The Houthis seized the vital al-Hudaydah port from the Yemeni government.",
        &["houthis oppose yemen_government"],
    ),
    (
        "Ethiopia captured the key town of Shire-Endaselassie from the TPLF.",
        &["ethiopia oppose tplf"],
    ),
    // a light verb and a supply noun, an amount before it
    (
        "Washington approved a $2 billion arms sale to Saudi Arabia.",
        &["usa support saudi_arabia"],
    ),
    (
        "Russia announced the sale of Su-35 jets to Iran.",
        &["russia support iran"],
    ),
    (
        "Britain completed a weapons transfer to the Yemeni government.",
        &["uk support yemen_government"],
    ),
    // ordering an actor to leave
    (
        "Chad ordered Sudanese troops to leave its territory.",
        &["chad oppose sudan"],
    ),
    ("Ethiopia told the TPLF to disarm.", &["ethiopia oppose tplf"]),
    (
        "Sudan ordered the UNITAMS mission to withdraw by December.",
        &["sudan oppose unitams"],
    ),
    // a theme in the singular: the lexicon writes each theme noun once
    (
        "The Houthis fired a missile at a Saudi warship.",
        &["houthis oppose saudi_arabia"],
    ),
    ("Iran delivered one drone to Russia.", &["iran support russia"]),
    (
        "Sudanese soldiers fired a warning shot at Chadian border guards.",
        &["sudan oppose chad"],
    ),
    // a demonym before an act noun leaves the act to the lexicon
    (
        "Iranian airstrikes on Eritrean positions resumed.",
        &["iran oppose eritrea"],
    ),
    (
        "Eritrea repelled Ethiopian attacks near Zalambessa.",
        &["eritrea oppose ethiopia"],
    ),
    (
        "The Saudi offensive against the Houthis stalled in the mountains.",
        &["saudi_arabia oppose houthis"],
    ),
    // a light verb and a meeting noun, a date between
    (
        "Abiy Ahmed held talks on Sunday with Isaias Afwerki.",
        &["abiy_ahmed meet isaias_afwerki"],
    ),
    (
        "Blinken conducted consultations with the African Union.",
        &["african_union meet antony_blinken"],
    ),
    (
        "Hemedti had a long meeting with Burhan in Jeddah.",
        &["abdel_fattah_al_burhan meet hemedti"],
    ),
    // reciprocal predicates give both directions
    (
        "Ethiopia and Eritrea went to war in 1998.",
        &["eritrea oppose ethiopia", "ethiopia oppose eritrea"],
    ),
    (
        "The SAF and the RSF have traded accusations for weeks.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    (
        "Border disputes between Sudan and Chad flared again.",
        &["chad oppose sudan", "sudan oppose chad"],
    ),
    // capture and expel
    (
        "The SAF retook the town of Wad Madani from the RSF.",
        &["saf oppose rsf"],
    ),
    (
        "Saudi Arabia drove the Houthis out of Aden.",
        &["saudi_arabia oppose houthis"],
    ),
    (
        "The TPLF lost the town of Alamata to Ethiopia.",
        &["ethiopia oppose tplf"],
    ),
    // criticism verbs
    (
        "Chad lashed out at Sudan over the border clashes.",
        &["chad oppose sudan"],
    ),
    (
        "Eritrea dismissed the UN statement as meddling.",
        &["eritrea oppose un"],
    ),
    (
        "Ethiopia singled out the TPLF for the killings.",
        &["ethiopia oppose tplf"],
    ),
    // a particle makes another verb
    ("The UAE backed away from the RSF.", &[]),
    ("Russia backed down after the Houthis protested.", &[]),
    ("Iran backed off after Saudi Arabia protested.", &[]),
    // adverbs and places inside a passive
    (
        "Hemedti was warmly received on Monday at State House in Khartoum by Burhan.",
        &["abdel_fattah_al_burhan meet hemedti"],
    ),
    ("The Houthis were reportedly armed by Iran.", &["iran support houthis"]),
    (
        "Isaias Afwerki was received in Addis Ababa by Abiy Ahmed.",
        &["abiy_ahmed meet isaias_afwerki"],
    ),
    // welcoming what two sides do supports both
    (
        "The African Union welcomed the resumption of direct talks between Ethiopia and Eritrea.",
        &[
            "african_union support eritrea",
            "african_union support ethiopia",
            "eritrea meet ethiopia",
        ],
    ),
    (
        "Blinken hailed the ceasefire between the SAF and the RSF.",
        &["antony_blinken support rsf", "antony_blinken support saf"],
    ),
    (
        "Russia praised the rapprochement between Iran and Saudi Arabia.",
        &["russia support iran", "russia support saudi_arabia"],
    ),
    // a meeting noun with its own modifiers before "with"
    (
        "Hemedti had a meeting lasting three hours with Burhan.",
        &["abdel_fattah_al_burhan meet hemedti"],
    ),
    (
        "Blinken held a long phone call on the crisis with Abiy Ahmed.",
        &["abiy_ahmed meet antony_blinken"],
    ),
    (
        "Grundberg held separate talks in Muscat with the Houthis.",
        &["hans_grundberg meet houthis"],
    ),
    // "to" and a verb is a purpose, not a recipient
    (
        "Eritrea sent troops to fight the TPLF.",
        &["eritrea oppose tplf", "tplf oppose eritrea"],
    ),
    // ("help" is backing: the purpose is the event, not a recipient)
    ("The UAE sent drones to help the RSF.", &["uae support rsf"]),
    // (the purpose is an event of its own)
    (
        "Iran shipped missiles to support the Houthis.",
        &["iran support houthis"],
    ),
    // calling an act illegal opposes whoever did it
    (
        "Sudan called the RSF's parallel government illegal.",
        &["sudan oppose rsf"],
    ),
    (
        "Ethiopia declared the TPLF's election unconstitutional.",
        &["ethiopia oppose tplf"],
    ),
    (
        "Saudi Arabia described the Houthis as terrorists.",
        &["saudi_arabia oppose houthis"],
    ),
    // pointing the finger
    (
        "Sudan pointed the finger at the UAE over the drone strikes.",
        &["sudan oppose uae"],
    ),
    ("Abiy Ahmed pointed a finger at the TPLF.", &["abiy_ahmed oppose tplf"]),
    (
        "Saudi Arabia again pointed fingers at Iran.",
        &["saudi_arabia oppose iran"],
    ),
    // praising or condemning what someone did
    (
        "Burhan praised the withdrawal of RSF fighters from Khartoum.",
        &["abdel_fattah_al_burhan support rsf"],
    ),
    (
        "The African Union welcomed the decision of Ethiopia to free prisoners.",
        &["african_union support ethiopia"],
    ),
    (
        "Chad banned the activities of the RSF in its territory.",
        &["chad oppose rsf"],
    ),
    // inflicting losses on someone
    (
        "The SAF inflicted heavy losses on the RSF near El Fasher.",
        &["saf oppose rsf"],
    ),
    (
        "The Houthis dealt a blow to Saudi Arabia.",
        &["houthis oppose saudi_arabia"],
    ),
    (
        "The TPLF caused serious damage to Eritrea's army.",
        &["tplf oppose eritrea"],
    ),
    // a gap before "between" in a fight
    (
        "The war of words between Ethiopia and Eritrea escalated.",
        &["eritrea oppose ethiopia", "ethiopia oppose eritrea"],
    ),
    (
        "A dispute over water between Sudan and Ethiopia flared.",
        &["ethiopia oppose sudan", "sudan oppose ethiopia"],
    ),
    (
        "Fighting in Darfur between the SAF and the RSF killed dozens.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    // a warning about what someone does
    (
        "The UN warned that the RSF's offensive would cause a famine.",
        &["un oppose rsf"],
    ),
    (
        "Blinken warned Eritrea against sending troops.",
        &["antony_blinken oppose eritrea"],
    ),
    (
        "Saudi Arabia warned Iran of consequences.",
        &["saudi_arabia oppose iran"],
    ),
    // no longer recognising someone
    (
        "Chad will no longer recognise Burhan as head of state.",
        &["chad oppose abdel_fattah_al_burhan"],
    ),
    ("Eritrea refused to recognize the TPLF.", &["eritrea oppose tplf"]),
    (
        "The African Union stopped recognizing the SAF.",
        &["african_union oppose saf"],
    ),
    // never recognising someone: a position held, no negated support
    (
        "Eritrea said it would never recognise the TPLF.",
        &["eritrea oppose tplf"],
    ),
    (
        "Saudi Arabia has never recognized the Houthis.",
        &["saudi_arabia oppose houthis"],
    ),
    ("Chad will never accept Hemedti's demands.", &["chad oppose hemedti"]),
    // extending someone's mandate
    ("The council voted to extend Burhan's mandate by two years.", &[]),
    ("Sudan extended the mandate of UNITAMS.", &["sudan support unitams"]),
    ("Russia backed Hemedti's rule over Darfur.", &["russia support hemedti"]),
    // placing blame
    (
        "Sudan placed the blame on the RSF for the massacre.",
        &["sudan oppose rsf"],
    ),
    ("Ethiopia laid blame on the TPLF.", &["ethiopia oppose tplf"]),
    (
        "Saudi Arabia put the blame on Iran for the attack.",
        &["saudi_arabia oppose iran"],
    ),
    // what is aimed at someone: whoever says so opposes them
    (
        "Burhan said the law was directed at the RSF.",
        &["abdel_fattah_al_burhan oppose rsf"],
    ),
    (
        "Abiy Ahmed said the measures are aimed at the TPLF.",
        &["abiy_ahmed oppose tplf"],
    ),
    ("Chad said the decree was directed at Sudan.", &["chad oppose sudan"]),
    // backing or rejecting a proposal named by a noun: its makers, named
    // in the sentence or the two before
    (
        "Sudan and Chad called for a ceasefire. Eritrea backed the request.",
        &["eritrea support chad", "eritrea support sudan"],
    ),
    (
        "The African Union proposed a roadmap. Ethiopia rejected the plan.",
        &["ethiopia oppose african_union"],
    ),
    (
        "Iran put forward a peace plan. Saudi Arabia welcomed the initiative.",
        &["saudi_arabia support iran"],
    ),
    (
        "Sudan called for talks. Rain fell on Khartoum. Markets opened. Chad backed the request.",
        &[],
    ),
    // what is negotiated with an actor
    (
        "Ethiopia negotiated a ceasefire with the TPLF.",
        &["ethiopia meet tplf"],
    ),
    (
        "Saudi Arabia hammered out a truce with the Houthis in Muscat.",
        &["houthis meet saudi_arabia"],
    ),
    (
        "The UN negotiated the release of prisoners with the RSF.",
        &["rsf meet un"],
    ),
    // hindering an actor's acts
    (
        "Iranian boats harassed British vessels in the Gulf.",
        &["iran oppose uk"],
    ),
    ("Russia blocked Ethiopia's bid on Monday.", &["russia oppose ethiopia"]),
    ("Eritrea protested Sudan's decision.", &["eritrea oppose sudan"]),
    // the one a reaction comes from
    (
        "The Houthis seized the ship, drawing condemnation from Saudi Arabia.",
        &["saudi_arabia oppose houthis"],
    ),
    (
        "Eritrea drew criticism from the African Union after the vote.",
        &["african_union oppose eritrea"],
    ),
    (
        "The TPLF drew a sharp rebuke from Washington on Monday.",
        &["usa oppose tplf"],
    ),
    // "condemned by", "welcomed by" after a noun are passives
    (
        "Chad signed a law, a move condemned by Eritrea.",
        &["eritrea oppose chad"],
    ),
    (
        "Eritrea closed the border, a step welcomed by Ethiopia.",
        &["ethiopia support eritrea"],
    ),
    (
        "Eritrea condemned the attack by the RSF on Monday.",
        &["eritrea oppose rsf"],
    ),
    (
        "Chad welcomed the decision by the African Union.",
        &["chad support african_union"],
    ),
    // a side that broke a deal, in the words of the one who says so
    (
        "Eritrea said the TPLF had violated the peace deal.",
        &["eritrea oppose tplf"],
    ),
    (
        "Saudi officials said the Houthis broke the truce again.",
        &["saudi_arabia oppose houthis"],
    ),
    (
        "The RSF has breached the Jeddah ceasefire, Burhan said.",
        &["abdel_fattah_al_burhan oppose rsf"],
    ),
    // the attack class: "sent soldiers to combat T" is a purpose
    ("Chad sent soldiers into Sudan to combat the RSF.", &["chad oppose rsf"]),
    ("Ethiopia vowed to crush the TPLF.", &["ethiopia oppose tplf"]),
    ("The African Union helped Somalia confront the militants.", &[]),
    // tensions, rivalry and rows are fighting words: both ways
    (
        "Tensions between Ethiopia and Eritrea rose again.",
        &["eritrea oppose ethiopia", "ethiopia oppose eritrea"],
    ),
    (
        "The rivalry between Iran and Saudi Arabia shapes the war in Yemen.",
        &["iran oppose saudi_arabia", "saudi_arabia oppose iran"],
    ),
    (
        "A diplomatic row between Chad and Sudan erupted.",
        &["chad oppose sudan", "sudan oppose chad"],
    ),
    // what is sent, named as a noun ("supply_noun"): the sender before
    // it or after "of", the receiver after the preposition
    (
        "Eritrea's delivery of heavy weapons to the TPLF alarmed Addis Ababa.",
        &["eritrea support tplf"],
    ),
    (
        "The shipment of Saudi rockets to the Sudanese Armed Forces drew protests.",
        &["saudi_arabia support saf"],
    ),
    (
        "Deliveries of drones to the RSF by the UAE went on for months.",
        &["uae support rsf"],
    ),
    // owning an attack is the attacker's word ("attack_noun" light verbs)
    (
        "The Houthis claimed responsibility for a missile strike on Saudi Arabia.",
        &["houthis oppose saudi_arabia"],
    ),
    (
        "The RSF claimed responsibility for an artillery attack on the Sudanese Armed Forces.",
        &["rsf oppose saf"],
    ),
    (
        "The TPLF took responsibility for the raid on Eritrea.",
        &["tplf oppose eritrea"],
    ),
    // a place's name of several words is one word of a gap
    (
        "Eritrean troops captured the small town of Adi Goshu Mai Kadra from the TPLF.",
        &["eritrea oppose tplf"],
    ),
    (
        "The Sudanese Armed Forces retook the river port of Wad Medani from the RSF.",
        &["saf oppose rsf"],
    ),
    (
        "Saudi forces seized the coastal city of Ras Isa al Hudaydah from the Houthis.",
        &["saudi_arabia oppose houthis"],
    ),
    // rebutting what an actor said opposes it; what it alleged stays
    // denied (an allegation inside the trigger is not the trigger's)
    (
        "Eritrea rejected the accusations by the TPLF.",
        &["eritrea oppose tplf"],
    ),
    (
        "Chad dismissed claims from the RSF that it had armed the SAF.",
        &["chad oppose rsf"],
    ),
    (
        "Saudi Arabia denied the Houthis' allegations that it had bombed Sanaa.",
        &["saudi_arabia oppose houthis"],
    ),
    (
        "Ethiopia refuted the statement made by Eritrea on Monday.",
        &["ethiopia oppose eritrea"],
    ),
    // (an adjective "disputed" is no rebuttal)
    (
        "Iran backed the winner of Ethiopia's disputed election, rejecting Abiy Ahmed's claim to victory.",
        &["iran oppose abiy_ahmed"],
    ),
    // demanding that an actor leave or give up opposes it
    (
        "Eritrea insisted that the TPLF withdraw from Humera.",
        &["eritrea oppose tplf"],
    ),
    (
        "The SAF demanded that the RSF pull out of Khartoum before any talks.",
        &["saf oppose rsf"],
    ),
    (
        "Saudi Arabia demanded the Houthis disarm.",
        &["saudi_arabia oppose houthis"],
    ),
    // (what is demanded of no actor's leaving is no edge)
    ("Chad demanded that the talks resume.", &[]),
    // taking up a deal a mediator brokered is meeting the mediator
    (
        "Ethiopia and the TPLF signed a peace deal brokered by the African Union.",
        &["african_union meet ethiopia", "african_union meet tplf"],
    ),
    (
        "The SAF accepted a Saudi-brokered truce on Sunday.",
        &["saf meet saudi_arabia"],
    ),
    (
        "The Houthis agreed to an Iranian-mediated prisoner exchange.",
        &["houthis meet iran"],
    ),
    // (a refusal is no meeting, nor is breaking the deal)
    ("The RSF refused to accept the Chadian-brokered ceasefire.", &[]),
    ("The RSF violated the Saudi-brokered ceasefire.", &[]),
];
