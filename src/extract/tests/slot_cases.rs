//! Sentences that test which names fill a pattern's slots: lists,
//! subjects carried over clauses and speech, insertions, appositions,
//! relative clauses, relational nouns, names joined by a hyphen, hosts of
//! a meeting.

/// (sentence, expected asserted events)
pub(super) const SLOT_CASES: &[(&str, &[&str])] = &[
    // lists on either side
    (
        "Saudi Arabia, the UAE and Britain back the Yemeni government.",
        &[
            "saudi_arabia support yemen_government",
            "uae support yemen_government",
            "uk support yemen_government",
        ],
    ),
    (
        "The Houthis are backed by Iran, Russia, and the Wagner Group.",
        &[
            "iran support houthis",
            "russia support houthis",
            "wagner_group support houthis",
        ],
    ),
    (
        // fighting is both sides' (GUIDELINES, "Settled later")
        "Ethiopia fought the TPLF and the Houthis.",
        &[
            "ethiopia oppose houthis",
            "ethiopia oppose tplf",
            "houthis oppose ethiopia",
            "tplf oppose ethiopia",
        ],
    ),
    // relative clauses
    (
        "The UN criticised the Houthis, which are supported by Iran.",
        &["iran support houthis", "un oppose houthis"],
    ),
    (
        "Khartoum accused the RSF, an ally that Moscow backs.",
        &["russia support rsf", "sudan oppose rsf"],
    ),
    // appositives and titles
    (
        "Ethiopian Prime Minister Abiy Ahmed met his Eritrean counterpart, Isaias Afwerki, in Asmara.",
        &["abiy_ahmed meet isaias_afwerki"],
    ),
    (
        "Mohammed bin Salman held talks with Antony Blinken in Riyadh.",
        &["antony_blinken meet mohammed_bin_salman"],
    ),
    (
        "Blinken, the top US diplomat, met Abiy in Addis Ababa.",
        &["abiy_ahmed meet antony_blinken"],
    ),
    // a possessor, nouns and an office before a name: the name
    (
        "Abiy Ahmed met Sudan's army chief Abdel Fattah al-Burhan in Addis Ababa.",
        &["abdel_fattah_al_burhan meet abiy_ahmed"],
    ),
    (
        "Hemedti accused Eritrea's veteran leader Isaias Afwerki of arming his rivals.",
        &["hemedti oppose isaias_afwerki"],
    ),
    (
        "The UAE hosted Yemen's rebel movement chief Abdul-Malik al-Houthi.",
        &["abdul_malik_al_houthi meet uae"],
    ),
    // meetings of several
    (
        "Abiy Ahmed and Isaias Afwerki met in Asmara on Sunday.",
        &["abiy_ahmed meet isaias_afwerki"],
    ),
    (
        "Talks between the Sudanese Armed Forces and the RSF opened in Jeddah.",
        &["rsf meet saf"],
    ),
    (
        "Blinken spoke by phone with Mohammed bin Salman on Tuesday.",
        &["antony_blinken meet mohammed_bin_salman"],
    ),
    (
        "Hans Grundberg briefed the United Nations on the truce.",
        &["hans_grundberg meet un"],
    ),
    // forces named after a leader
    (
        "Hemedti's forces attacked the Sudanese Armed Forces.",
        &["rsf oppose saf"],
    ),
    (
        "Egypt is not in this gazetteer, but Chad welcomed the Ethiopian offer.",
        &[],
    ),
    // subject carried over a clause
    (
        "Blinken arrived in Riyadh on Monday and met Mohammed bin Salman.",
        &["antony_blinken meet mohammed_bin_salman"],
    ),
    (
        "In a speech to the African Union, Abiy Ahmed accused the TPLF of treason.",
        &["abiy_ahmed oppose tplf"],
    ),
    // reported speech and reported harm
    (
        "The African Union said the RSF killed civilians in Darfur.",
        &["african_union oppose rsf"],
    ),
    (
        "Blinken said the TPLF had planted mines near Mekelle.",
        &["antony_blinken oppose tplf"],
    ),
    ("According to the UN, the RSF committed crimes in Darfur.", &[]),
    // several events in one sentence
    (
        "Iran backs the Houthis, while Saudi Arabia backs the Yemeni government.",
        &["iran support houthis", "saudi_arabia support yemen_government"],
    ),
    (
        "Abiy Ahmed met Isaias Afwerki and condemned the TPLF.",
        &["abiy_ahmed meet isaias_afwerki", "abiy_ahmed oppose tplf"],
    ),
    // subjects carried over clauses and speech
    (
        "Burhan flew to Cairo, spoke to reporters and accused the RSF of treason.",
        &["abdel_fattah_al_burhan oppose rsf"],
    ),
    (
        "Pompeo said the talks went well and praised Mohammed bin Salman.",
        &["mike_pompeo support mohammed_bin_salman"],
    ),
    // lists with the preposition repeated, clashes both ways, an office in apposition
    (
        "Washington imposed sanctions on the RSF and on the Houthis.",
        &["usa oppose houthis", "usa oppose rsf"],
    ),
    (
        "The RSF clashed with the Sudanese Armed Forces in Khartoum.",
        &["rsf oppose saf", "saf oppose rsf"],
    ),
    (
        "Saudi Arabia has backed the army chief, Abdel Fattah al-Burhan.",
        &["saudi_arabia support abdel_fattah_al_burhan"],
    ),
    // relational nouns: the possessor is the target
    (
        "Iran, the Houthis' main backer, sent a delegation.",
        &["iran support houthis"],
    ),
    (
        "Russia, one of Sudan's closest allies, vetoed the resolution.",
        &["russia support sudan"],
    ),
    ("The UAE is the RSF's main sponsor.", &["uae support rsf"]),
    ("Iran condemned threats against Saudi Arabia's allies.", &[]),
    // a name joined to a participle modifies the next one
    (
        "Iran-backed Houthis attacked Saudi Arabia.",
        &["houthis oppose saudi_arabia", "iran support houthis"],
    ),
    (
        "Sudan accused Wagner-linked RSF units of smuggling gold.",
        &["sudan oppose rsf"],
    ),
    ("Chad-based RSF fighters attacked the SAF.", &["rsf oppose saf"]),
    // ... and a description over the whole compound
    (
        "The Houthis seized a ship. The Iran-backed rebels then fired at a tanker.",
        &["iran support houthis"],
    ),
    (
        "The RSF shelled El Fasher. UAE-backed paramilitaries looted the market.",
        &["uae support rsf"],
    ),
    (
        "The TPLF attacked the base. Eritrea accused Russian-backed separatists of the attack.",
        &["eritrea oppose tplf", "russia support tplf"],
    ),
    // what was said has its own subject
    ("Sudan said shells had hit Chad's border post.", &[]),
    ("The RSF claimed drones had struck Ethiopia's embassy.", &[]),
    (
        "Eritrea said that the TPLF had attacked Ethiopia.",
        &["tplf oppose ethiopia"],
    ),
    // "A, and B ..." joins two clauses
    (
        "Saudi Arabia accused Iran, and the UAE called for calm.",
        &["saudi_arabia oppose iran"],
    ),
    (
        "Chad condemned the RSF, and Sudan blamed Wagner.",
        &["chad oppose rsf", "sudan oppose wagner_group"],
    ),
    (
        "Ethiopia fought the TPLF, and Eritrea stayed out.",
        &["ethiopia oppose tplf", "tplf oppose ethiopia"],
    ),
    // a non-restrictive relative clause is an insertion
    (
        "The RSF, which the UAE backs, accused the SAF of shelling markets.",
        &["rsf oppose saf", "uae support rsf"],
    ),
    (
        "The Houthis, whom Iran arms, attacked Saudi Arabia.",
        &["houthis oppose saudi_arabia", "iran support houthis"],
    ),
    (
        "Hemedti, who the UAE supports, denounced Burhan.",
        &["hemedti oppose abdel_fattah_al_burhan", "uae support hemedti"],
    ),
    // a list subject keeps its members over a second verb
    (
        "Sudan, Chad and Eritrea met in Jeddah and condemned the RSF.",
        &[
            "chad meet eritrea",
            "chad meet sudan",
            "chad oppose rsf",
            "eritrea meet sudan",
            "eritrea oppose rsf",
            "sudan oppose rsf",
        ],
    ),
    (
        "The UAE and Russia armed the RSF and criticised the SAF.",
        &[
            "russia oppose saf",
            "russia support rsf",
            "uae oppose saf",
            "uae support rsf",
        ],
    ),
    (
        "Ethiopia and Eritrea signed a pact in Asmara and accused the TPLF of looting.",
        &["eritrea oppose tplf", "ethiopia oppose tplf"],
    ),
    // "X and other <demonym> officials"
    (
        "Burhan and other Sudanese officials accused the UAE of arming the RSF.",
        &["abdel_fattah_al_burhan oppose uae", "sudan oppose uae"],
    ),
    (
        "Abiy Ahmed and other Ethiopian officials condemned the TPLF.",
        &["abiy_ahmed oppose tplf", "ethiopia oppose tplf"],
    ),
    (
        "Pompeo and other American officials praised Saudi Arabia.",
        &["mike_pompeo support saudi_arabia", "usa support saudi_arabia"],
    ),
    // those who act for a body are it
    (
        "Blinken met officials of the African Union in Addis Ababa.",
        &["african_union meet antony_blinken"],
    ),
    (
        "Grundberg held talks with representatives of the Houthis.",
        &["hans_grundberg meet houthis"],
    ),
    (
        "Saudi Arabia condemned leaders of the RSF.",
        &["saudi_arabia oppose rsf"],
    ),
    // two names joined by a hyphen before a noun of two sides
    (
        "The Ethiopia-Eritrea war killed tens of thousands.",
        &["eritrea oppose ethiopia", "ethiopia oppose eritrea"],
    ),
    ("Sudan-Chad talks resumed in Jeddah.", &["chad meet sudan"]),
    (
        "The Saudi Arabia-Iran dispute eased.",
        &["iran oppose saudi_arabia", "saudi_arabia oppose iran"],
    ),
    // the object before "for"/"of" does what the gerund says
    (
        "Burhan thanked Saudi Arabia for sending troops to fight the RSF.",
        &[
            "abdel_fattah_al_burhan support saudi_arabia",
            "rsf oppose saudi_arabia",
            "saudi_arabia oppose rsf",
        ],
    ),
    (
        "Blinken praised the African Union for hosting talks.",
        &["antony_blinken support african_union"],
    ),
    (
        "Ethiopia credited Eritrea for defending the border.",
        &["ethiopia support eritrea"],
    ),
    // the possessor's partners named after a dash or "including"
    (
        "Russia sanctioned the UAE's trading partners, including Chad and Sudan.",
        &["russia oppose chad", "russia oppose sudan"],
    ),
    (
        "The US criticised Iran's allies — the Houthis and Hezbollah.",
        &["usa oppose houthis"],
    ),
    (
        "Blinken met Ethiopia's neighbours: Eritrea and Sudan.",
        &["antony_blinken meet eritrea", "antony_blinken meet sudan"],
    ),
    // a quantity of something is that something
    ("The US imposed tariffs on $2 billion worth of Chinese exports.", &[]),
    (
        "Saudi Arabia slapped duties on $5 billion worth of Iran's oil.",
        &["saudi_arabia oppose iran"],
    ),
    (
        "The UAE retaliated with its own tariffs on $3 billion worth of Russia's exports.",
        &["uae oppose russia"],
    ),
    // a relational noun after a possessor, then a name in apposition
    (
        "Sudan's main backer, Saudi Arabia, sent aid.",
        &["saudi_arabia support sudan"],
    ),
    ("The Houthis' patron Iran denied the report.", &["iran support houthis"]),
    ("Blinken met Sudan's allies, Burhan said.", &[]),
    // a word of a name is no verb of saying ("States")
    ("The United States condemned the Houthis.", &["usa oppose houthis"]),
    ("The United States met Eritrea on Monday.", &["eritrea meet usa"]),
    ("The United States sent troops to Chad.", &["usa support chad"]),
    // "after" and "before" opening a phrase of the clause, not a clause
    (
        "Chad left the African Union after a long dispute with Sudan.",
        &["chad oppose sudan", "sudan oppose chad"],
    ),
    (
        "Eritrea recalled its envoy before talks with Ethiopia.",
        &["eritrea meet ethiopia"],
    ),
    (
        "Russia changed course after meeting with Iran in Geneva.",
        &["iran meet russia"],
    ),
    ("Chad protested after the gunmen attacked Sudan.", &[]),
    // names joined by a hyphen are a list
    (
        "Iran condemned the US-UK strikes on Yemen.",
        &["iran oppose uk", "iran oppose usa"],
    ),
    (
        "The Houthis attacked a joint Saudi Arabia-UAE base on Friday.",
        &["houthis oppose saudi_arabia", "houthis oppose uae"],
    ),
    (
        "Chad welcomed the Ethiopia-Eritrea talks.",
        &["chad support eritrea", "chad support ethiopia", "eritrea meet ethiopia"],
    ),
    // a number of a side's people is that side
    (
        "The Houthis killed dozens of Saudi soldiers near the border.",
        &["houthis oppose saudi_arabia"],
    ),
    (
        "The RSF killed at least 20 Sudanese soldiers in Darfur.",
        &["rsf oppose sudan"],
    ),
    (
        "Ethiopia arrested members of the TPLF in Mekelle.",
        &["ethiopia oppose tplf"],
    ),
    // a list's comma opens no insertion
    (
        "Chad, Eritrea and Sudan left the African Union, after a long dispute with Ethiopia.",
        &[
            "chad oppose ethiopia",
            "eritrea oppose ethiopia",
            "ethiopia oppose chad",
            "ethiopia oppose eritrea",
            "ethiopia oppose sudan",
            "sudan oppose ethiopia",
        ],
    ),
    (
        "Iran, Russia and the UAE backed the RSF, the report said.",
        &["iran support rsf", "russia support rsf", "uae support rsf"],
    ),
    (
        "Chad, Eritrea and Sudan met in Asmara, and Ethiopia condemned the meeting.",
        &["chad meet eritrea", "chad meet sudan", "eritrea meet sudan"],
    ),
    // a demonym before a noun of what a state does is the state acting
    (
        "Saudi Arabia condemned the Iranian meddling in Yemen.",
        &["saudi_arabia oppose iran"],
    ),
    ("Eritrea rejected the Ethiopian proposal.", &["eritrea oppose ethiopia"]),
    ("Chad denounced the Sudanese incursion.", &["chad oppose sudan"]),
    // a host is one more participant: every pair meets
    (
        "Saudi Arabia hosted Burhan and Hemedti for talks in Jeddah.",
        &[
            "abdel_fattah_al_burhan meet hemedti",
            "abdel_fattah_al_burhan meet saudi_arabia",
            "hemedti meet saudi_arabia",
        ],
    ),
    (
        "Chad brought together delegations from the RSF and the SAF in N'Djamena.",
        &["chad meet rsf", "chad meet saf", "rsf meet saf"],
    ),
    (
        "The African Union mediated between Ethiopia and Eritrea.",
        &[
            "african_union meet eritrea",
            "african_union meet ethiopia",
            "eritrea meet ethiopia",
        ],
    ),
    // one guest: the host meets it, no pair among the guests
    ("Eritrea hosted Abiy Ahmed in Asmara.", &["abiy_ahmed meet eritrea"]),
    // a comitative insertion adds its names to the subject
    (
        "Iran, along with Russia and the UAE, has backed the RSF.",
        &["iran support rsf", "russia support rsf", "uae support rsf"],
    ),
    (
        "Eritrea, together with Chad, condemned the TPLF.",
        &["chad oppose tplf", "eritrea oppose tplf"],
    ),
    (
        "Russia, like Iran, armed the Houthis.",
        &["iran support houthis", "russia support houthis"],
    ),
    ("Eritrea, unlike Chad, condemned the TPLF.", &["eritrea oppose tplf"]),
    // a verb after "and" and an auxiliary in a relative clause has the
    // relative's antecedent for subject, not the object before it
    (
        "Eritrea, which backs the TPLF and has armed the Houthis, condemned Ethiopia.",
        &[
            "eritrea oppose ethiopia",
            "eritrea support houthis",
            "eritrea support tplf",
        ],
    ),
    (
        "The UAE, which funds the RSF and has armed the Houthis, rejected the report.",
        &["uae support houthis", "uae support rsf"],
    ),
    (
        "Russia, which backs the Houthis and had armed the RSF, criticised the UN.",
        &["russia oppose un", "russia support houthis", "russia support rsf"],
    ),
    // a stretch between commas that holds a finite verb is the clause,
    // not an insertion after the name before it
    (
        "Saudi Arabia, along with the UAE and Britain, has backed the Yemeni government, whose forces retook Aden.",
        &[
            "saudi_arabia support yemen_government",
            "uae support yemen_government",
            "uk support yemen_government",
        ],
    ),
    (
        "Iran, together with Russia, has armed the Houthis, whose missiles hit Riyadh.",
        &["iran support houthis", "russia support houthis"],
    ),
    (
        "Ethiopia, like Eritrea, has condemned the TPLF, whose fighters crossed the border.",
        &["eritrea oppose tplf", "ethiopia oppose tplf"],
    ),
    // a capitalised title's "of" or "for" opens no prepositional phrase
    (
        "Secretary of State Antony Blinken met Abiy Ahmed in Addis Ababa.",
        &["abiy_ahmed meet antony_blinken"],
    ),
    (
        "Head of State Isaias Afwerki condemned the TPLF.",
        &["isaias_afwerki oppose tplf"],
    ),
    (
        "Special Envoy for Yemen Hans Grundberg met the Houthis.",
        &["hans_grundberg meet houthis"],
    ),
    // the antecedent of a relative pronoun after a parenthesised acronym
    (
        "Chad condemned the Rapid Support Forces (RSF), which has attacked the Sudanese Armed Forces.",
        &["chad oppose rsf", "rsf oppose saf"],
    ),
    (
        "The UN criticised the Tigray People's Liberation Front (TPLF), which has attacked Eritrea.",
        &["tplf oppose eritrea", "un oppose tplf"],
    ),
    (
        "The African Union condemned the Sudanese Armed Forces (SAF), which shelled Chad.",
        &["african_union oppose saf", "saf oppose chad"],
    ),
];
