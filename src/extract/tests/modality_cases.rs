//! Sentences that test which events are asserted: denials, plans,
//! postponements, conditions, requests, threats and allegations, and
//! places or mentions that are no event.

/// (sentence, expected asserted events)
pub(super) const MODALITY_CASES: &[(&str, &[&str])] = &[
    // denials, plans, postponements, conditions: no asserted event
    ("Iran denied that it arms the Houthis.", &[]),
    ("Russia did not back the RSF.", &[]),
    ("Abiy Ahmed will meet Isaias Afwerki next week.", &[]),
    ("Blinken is due to meet Mohammed bin Salman in Riyadh.", &[]),
    ("Blinken is expected to visit Abiy Ahmed.", &[]),
    (
        "The talks between the RSF and the Sudanese Armed Forces were postponed.",
        &[],
    ),
    ("Abiy Ahmed and Isaias Afwerki postponed their talks.", &[]),
    ("A meeting between Blinken and Mohammed bin Salman was cancelled.", &[]),
    ("The UAE could send weapons to the RSF if the talks fail.", &[]),
    ("Saudi Arabia would welcome a deal if the Houthis withdraw.", &[]),
    ("The Kremlin said it was not involved.", &[]),
    ("Britain has ruled out arming the Yemeni government.", &[]),
    ("Blinken plans to meet Abiy Ahmed in Addis Ababa.", &[]),
    ("Mohammed bin Salman called off a visit to Washington.", &[]),
    // a cue outside an insertion does not reach into it, nor out of it
    (
        "The RSF, which has shelled Chad, denied the report.",
        &["rsf oppose chad"],
    ),
    (
        "The UAE, which funds the RSF and has armed the Houthis, rejected the findings.",
        &["uae support rsf", "uae support houthis"],
    ),
    (
        "Eritrea, which did not attend, praised the TPLF.",
        &["eritrea support tplf"],
    ),
    // places that are only places
    ("Fighting spread to Khartoum and Sanaa.", &[]),
    ("Abiy Ahmed flew to Moscow and Washington.", &[]),
    ("The RSF advanced on the capital, Khartoum.", &[]),
    // alleged content of an accusation
    (
        "The Yemeni government accused Tehran of supplying weapons to the Houthis.",
        &["yemen_government oppose iran"],
    ),
    // no event: denials, plans, conditions, places, mere mentions
    ("The UAE denied arming the RSF.", &[]),
    ("Eritrea rejected reports that it backs the RSF.", &[]),
    ("Abiy Ahmed hopes to meet Isaias Afwerki soon.", &[]),
    ("Chad might back the RSF.", &[]),
    ("Iran would back the Houthis if Saudi Arabia attacked.", &[]),
    ("Russia and Eritrea discussed trade.", &[]),
    ("Saudi Arabia and Iran are neighbours of Yemen.", &[]),
    ("The Houthis control Sanaa.", &[]),
    ("Ethiopia and Eritrea share a border.", &[]),
    ("The meeting between Blinken and Abiy Ahmed was called off.", &[]),
    ("The UN urged the RSF to protect civilians.", &[]),
    ("Talks in Jeddah are expected to resume next week.", &[]),
    // requests, urging and appeals are no edge
    ("Blinken urged Ethiopia and Eritrea to hold talks.", &[]),
    ("Saudi Arabia asked the UAE to condemn the Houthis.", &[]),
    ("Sudan called on Chad to expel the RSF.", &[]),
    // going on with an act asserts it
    ("Iran will continue to arm the Houthis.", &["iran support houthis"]),
    (
        "The UAE kept funding the RSF despite the embargo.",
        &["uae support rsf"],
    ),
    ("Russia will keep supporting the SAF.", &["russia support saf"]),
    // a threat is made when it is said, a condition after it or not
    (
        "Ethiopia will cut ties with Eritrea if the border stays closed.",
        &["ethiopia oppose eritrea"],
    ),
    (
        "Saudi Arabia threatened to strike the Houthis.",
        &["saudi_arabia oppose houthis"],
    ),
    ("Should Eritrea attack Ethiopia, the African Union would respond.", &[]),
    // shelved, pushed back, reluctance, rebuffed, scheduled far before
    ("The African Union shelved its planned summit with Sudan.", &[]),
    ("Talks between the SAF and the RSF were pushed back to May.", &[]),
    ("Chad signalled its reluctance to back the RSF.", &[]),
    ("The UAE rebuffed accusations that it arms the RSF.", &[]),
    (
        "Blinken is scheduled to fly to Addis Ababa next month for talks with Abiy Ahmed.",
        &[],
    ),
    // a denial does not reach a second verb of its own
    (
        "Eritrea dismissed the report as false and accused Ethiopia of shelling Asmara.",
        &["eritrea oppose ethiopia"],
    ),
    (
        "Iran denied the claim and praised the Houthis.",
        &["iran support houthis"],
    ),
    (
        "Sudan rejected reports of a deal and condemned the RSF.",
        &["sudan oppose rsf"],
    ),
    // a contracted negation, and a verb of saying before a clause
    (
        "Critics, including Chad's Deby, suggest Sudan can't afford to defend Eritrea.",
        &[],
    ),
    ("Ethiopia won't back the TPLF.", &[]),
    ("Saudi Arabia doesn't support the Houthis.", &[]),
    // the accused's denial takes back what is alleged, not the accusing
    (
        "Ethiopia accused Eritrea of looting Tigray, a charge Eritrea denies.",
        &["ethiopia oppose eritrea"],
    ),
    (
        "Saudi Arabia accused Iran of destabilising the region, a charge Iran rejects.",
        &["saudi_arabia oppose iran"],
    ),
    (
        "Chad accuses the RSF of recruiting child soldiers, which the RSF denied.",
        &["chad oppose rsf"],
    ),
    // "any attack": an act no one has done
    (
        "Eritrea warned that any attack on Chad by the TPLF would be repelled.",
        &[],
    ),
    ("Ethiopia rejected any offensive against the TPLF.", &[]),
    ("Eritrea condemned any attack on Chad by the TPLF.", &[]),
    // a cue joined by a hyphen is a word of a compound, no cue
    (
        "Ethiopia and Eritrea held cease-fire talks in Nairobi.",
        &["eritrea meet ethiopia"],
    ),
    (
        "Chad hosted cease-fire talks between the SAF and the RSF.",
        &["chad meet rsf", "chad meet saf", "rsf meet saf"],
    ),
    // (and the cue alone still negates)
    ("Eritrea ceased attacking the TPLF.", &[]),
];
