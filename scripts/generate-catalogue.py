#!/usr/bin/env python3
"""Writes Sources/Core/Resources/indicators.json, the indicator catalogue, from the table below.

One line per indicator: id | Dutch label | unit | domain | direction | aggregation | weight | decimals |
names in kwb | StatLine stem | Leefbaarometer | tmap | Wijk- en Buurtkaart | kwb-2019 extract.
Ids starting with origin_ are origin-based and marked stigmatising: they never enter a score or warning.
"""
import glob, json, os, re
# id | label | unit | domain | direction | aggregation | decimals | kwb | statline | lbm | tmap | wbk (shapefile) | kwb2019 (renamed) | stigmatising
S=False
rows = """
population|Aantal inwoners|aantal|population|neutral|sum||0|a_inw|AantalInwoners||population|aant_inw|population
men|Mannen|aantal|population|neutral|sum||0|a_man|Mannen||pop_men|aant_man|men
women|Vrouwen|aantal|population|neutral|sum||0|a_vrouw|Vrouwen||pop_women|aant_vrouw|women
age_0_14|Inwoners 0 tot 15 jaar|aantal|population|neutral|sum||0|a_00_14|k_0Tot15Jaar||||b_00_14
age_15_24|Inwoners 15 tot 25 jaar|aantal|population|neutral|sum||0|a_15_24|k_15Tot25Jaar||||b_15_24
age_25_44|Inwoners 25 tot 45 jaar|aantal|population|neutral|sum||0|a_25_44|k_25Tot45Jaar||||b_25_44
age_45_64|Inwoners 45 tot 65 jaar|aantal|population|neutral|sum||0|a_45_64|k_45Tot65Jaar||||b_45_64
age_65_plus|Inwoners 65 jaar of ouder|aantal|population|neutral|sum||0|a_65_oo|k_65JaarOfOuder||||b_65_oo
age_0_14_pct|Aandeel 0 tot 15 jaar|%|population|neutral|weighted_mean|population|0||||pop_0_14|p_00_14_jr|
age_15_24_pct|Aandeel 15 tot 25 jaar|%|population|neutral|weighted_mean|population|0||||pop_15_24|p_15_24_jr|
age_25_44_pct|Aandeel 25 tot 45 jaar|%|population|neutral|weighted_mean|population|0||||pop_25_44|p_25_44_jr|
age_45_64_pct|Aandeel 45 tot 65 jaar|%|population|neutral|weighted_mean|population|0||||pop_45_64|p_45_64_jr|
age_65_plus_pct|Aandeel 65 jaar of ouder|%|population|neutral|weighted_mean|population|0||||pop_65plus|p_65_eo_jr|
unmarried|Ongehuwd|aantal|population|neutral|sum||0|a_ongeh|Ongehuwd||||unmarried
married|Gehuwd|aantal|population|neutral|sum||0|a_gehuwd|Gehuwd||||married
divorced|Gescheiden|aantal|population|neutral|sum||0|a_gesch|Gescheiden||||divorced
widowed|Verweduwd|aantal|population|neutral|sum||0|a_verwed|Verweduwd||||widowed
divorced_pct|Aandeel gescheiden|%|population|neutral|weighted_mean|population|0|||||p_gescheid|
births_per_1000|Geboorte relatief|per 1 000 inwoners|population|neutral|weighted_mean|population|0|p_geb|GeboorteRelatief||||
deaths_per_1000|Sterfte relatief|per 1 000 inwoners|population|neutral|weighted_mean|population|0|p_ste|SterfteRelatief||||
density|Bevolkingsdichtheid|inwoners per km²|population|neutral|weighted_mean|area_land_ha|0|bev_dich|Bevolkingsdichtheid|||bev_dichth|
origin_nl|Herkomst Nederland|aantal|population|neutral|sum||0|a_nl_all|||||
origin_europe|Herkomst Europa (exclusief Nederland)|aantal|population|neutral|sum||0|a_eur_al|||||
origin_outside_europe|Herkomst buiten Europa|aantal|population|neutral|sum||0|a_neu_al|||||
origin_native_pct|Aandeel autochtoon|%|population|neutral|weighted_mean|population|0||||origin_native||
origin_western_pct|Aandeel westerse migratieachtergrond|%|population|neutral|weighted_mean|population|0||||origin_west|p_west_al|
origin_non_western_pct|Aandeel niet-westerse migratieachtergrond|%|population|neutral|weighted_mean|population|0||||origin_non_west|p_n_w_al|
households|Huishoudens totaal|aantal|households|neutral|sum||0|a_hh|HuishoudensTotaal|||aantal_hh|
single_person_households|Eenpersoonshuishoudens|aantal|households|neutral|sum||0|a_1p_hh|Eenpersoonshuishoudens||||
households_without_children|Huishoudens zonder kinderen|aantal|households|neutral|sum||0|a_hh_z_k|HuishoudensZonderKinderen||||
households_with_children|Huishoudens met kinderen|aantal|households|neutral|sum||0|a_hh_m_k|HuishoudensMetKinderen||||
single_person_households_pct|Aandeel eenpersoonshuishoudens|%|households|neutral|weighted_mean|households|0|||||p_eenp_hh|
households_with_children_pct|Aandeel huishoudens met kinderen|%|households|neutral|weighted_mean|households|0|||||p_hh_m_k|
household_size|Gemiddelde huishoudensgrootte|personen|households|neutral|weighted_mean|households|1|g_hhgro|GemiddeldeHuishoudensgrootte|||gem_hh_gr|
dwellings|Woningvoorraad|aantal|housing|neutral|sum||0|a_woning|Woningvoorraad||dwelling_total||
woz_value|Gemiddelde WOZ-waarde van woningen|x 1 000 euro|housing|higher_better|weighted_mean|dwellings|0|g_wozbag,g_woz|GemiddeldeWOZWaardeVanWoningen,GemiddeldeWoningwaarde||dwelling_value||
single_family_pct|Percentage eengezinswoning|%|housing|neutral|weighted_mean|dwellings|0|p_1gezw|PercentageEengezinswoning||||
multi_family_pct|Percentage meergezinswoning|%|housing|neutral|weighted_mean|dwellings|0|p_mgezw|PercentageMeergezinswoning||||
vacant_pct|Percentage onbewoonde woningen|%|housing|higher_worse|weighted_mean|dwellings|0|p_leegsw|OnbewoondeWoningen||||
owner_occupied_pct|Koopwoningen|%|housing|neutral|weighted_mean|dwellings|0|p_koopw|Koopwoningen||dwelling_ownership||
rented_pct|Huurwoningen totaal|%|housing|neutral|weighted_mean|dwellings|0|p_huurw|HuurwoningenTotaal||||
corporation_rent_pct|Huurwoningen in bezit van een woningcorporatie|%|housing|neutral|weighted_mean|dwellings|0|p_wcorpw|InBezitWoningcorporatie||||
private_rent_pct|Huurwoningen in bezit van overige verhuurders|%|housing|neutral|weighted_mean|dwellings|0|p_ov_hw|InBezitOverigeVerhuurders||||
built_before_2000_pct|Bouwjaar voor 2000|%|housing|neutral|weighted_mean|dwellings|0|p_bjj2k|||||
built_since_2000_pct|Bouwjaar vanaf 2000|%|housing|neutral|weighted_mean|dwellings|0|p_bjo2k|||||
district_heating_pct|Percentage woningen met stadsverwarming|%|housing|neutral|weighted_mean|dwellings|1|p_stadsv|PercentageWoningenMetStadsverwarming||||
income_recipients|Aantal inkomensontvangers|aantal|income_work|neutral|sum||0|a_inkont|AantalInkomensontvangers||||
income_per_recipient|Gemiddeld inkomen per inkomensontvanger|x 1 000 euro|income_work|higher_better|weighted_mean|income_recipients|1|g_ink_po|GemiddeldInkomenPerInkomensontvanger||||
income_per_inhabitant|Gemiddeld inkomen per inwoner|x 1 000 euro|income_work|higher_better|weighted_mean|population|1|g_ink_pi|GemiddeldInkomenPerInwoner||||
low_income_persons_pct|40% personen met laagste inkomen|%|income_work|higher_worse|weighted_mean|population|1|p_ink_li|k_40PersonenMetLaagsteInkomen||income_low||
high_income_persons_pct|20% personen met hoogste inkomen|%|income_work|higher_better|weighted_mean|population|1|p_ink_hi|k_20PersonenMetHoogsteInkomen||income_high||
standardised_household_income|Gemiddeld gestandaardiseerd inkomen van huishoudens|x 1 000 euro|income_work|higher_better|weighted_mean|households|1|g_hh_sti|GemGestandaardiseerdInkomenVanHuish||||
low_income_households_40_pct|40% huishoudens met laagste inkomen|%|income_work|higher_worse|weighted_mean|households|1|p_hh_li|k_40HuishoudensMetLaagsteInkomen||||
high_income_households_20_pct|20% huishoudens met hoogste inkomen|%|income_work|higher_better|weighted_mean|households|1|p_hh_hi|k_20HuishoudensMetHoogsteInkomen||||
low_income_households_pct|Huishoudens met een laag inkomen|%|income_work|higher_worse|weighted_mean|households|1|p_hh_lkk|HuishoudensMetEenLaagInkomen||||
social_minimum_households_pct|Huishoudens onder of rond het sociaal minimum|%|income_work|higher_worse|weighted_mean|households|1|p_hh_osm|HuishOnderOfRondSociaalMinimum||||
social_minimum_110_households_pct|Huishoudens tot 110% van het sociaal minimum|%|income_work|higher_worse|weighted_mean|households|1|p_hh_110|HuishoudensTot110VanSociaalMinimum||||
social_minimum_120_households_pct|Huishoudens tot 120% van het sociaal minimum|%|income_work|higher_worse|weighted_mean|households|1|p_hh_120|HuishoudensTot120VanSociaalMinimum||||
median_wealth|Mediaan vermogen van particuliere huishoudens|x 1 000 euro|income_work|higher_better|none||1|m_hh_ver|MediaanVermogenVanParticuliereHuish||||
labour_participation_pct|Netto arbeidsparticipatie|%|income_work|higher_better|weighted_mean|population|0|p_arb_pp|Nettoarbeidsparticipatie||employment_rate||
employees_pct|Percentage werknemers|%|income_work|neutral|weighted_mean|population|0|p_arb_wn|PercentageWerknemers||||
self_employed_pct|Percentage zelfstandigen|%|income_work|neutral|weighted_mean|population|0|p_arb_zs|PercentageZelfstandigen||||
education_low|Opleidingsniveau laag|aantal|income_work|neutral|sum||0|a_opl_lg|BasisonderwijsVmboMbo1||||
education_middle|Opleidingsniveau middelbaar|aantal|income_work|neutral|sum||0|a_opl_md|HavoVwoMbo24||||
education_high|Opleidingsniveau hoog|aantal|income_work|neutral|sum||0|a_opl_hg|HboWo||||
education_high_pct|Aandeel hoogopgeleid (hbo, wo) van 15 tot 75 jaar|%|income_work|higher_better|weighted_mean|population|0||||edu_appl_sci||
social_assistance|Personen met bijstand|aantal|care_benefits|higher_worse|sum||0|a_soz_wb|PersonenPerSoortUitkeringBijstand||||
disability_benefits|Personen met een arbeidsongeschiktheidsuitkering (AO)|aantal|care_benefits|higher_worse|sum||0|a_soz_ao|PersonenPerSoortUitkeringAO||||
unemployment_benefits|Personen met een WW-uitkering|aantal|care_benefits|higher_worse|sum||0|a_soz_ww|PersonenPerSoortUitkeringWW||||
state_pension|Personen met AOW|aantal|care_benefits|neutral|sum||0|a_soz_ow|PersonenPerSoortUitkeringAOW||||
youth_care|Jongeren met jeugdzorg in natura|aantal|care_benefits|higher_worse|sum||0|a_jz_tn|JongerenMetJeugdzorgInNatura||||
youth_care_pct|Percentage jongeren met jeugdzorg|%|care_benefits|higher_worse|none||1|p_jz_tn|PercentageJongerenMetJeugdzorg||||
wmo_clients|Wmo-cliënten|aantal|care_benefits|neutral|sum||0|a_wmo_t|WmoClienten||||
wmo_clients_per_1000|Wmo-cliënten per 1 000 inwoners|per 1 000 inwoners|care_benefits|neutral|weighted_mean|population|0|p_wmo_t|WmoClientenRelatief||||
lbm_score|Leefbaarometer: totaalscore|score|liveability|higher_better|none||3|||lbm|||
lbm_deviation|Leefbaarometer: afwijking van het landelijk gemiddelde|score|liveability|higher_better|none||3|||afw|||
lbm_housing|Leefbaarometer: woningvoorraad|score|liveability|higher_better|none||3|||won|||
lbm_physical|Leefbaarometer: fysieke omgeving|score|liveability|higher_better|none||3|||fys|||
lbm_amenities|Leefbaarometer: voorzieningen|score|liveability|higher_better|none||3|||vrz|||
lbm_social|Leefbaarometer: sociale samenhang|score|liveability|higher_better|none||3|||soc|||
lbm_safety|Leefbaarometer: overlast en onveiligheid|score|liveability|higher_better|none||3|||onv|||
crime_total|Geregistreerde misdrijven|aantal|liveability|higher_worse|sum||0||TotaalGeregistreerdeMisdrijven||||
crime_per_1000|Geregistreerde misdrijven per 1 000 inwoners|per 1 000 inwoners|liveability|higher_worse|weighted_mean|population|1||GeregistreerdeMisdrijvenPer1000Inw||||
distance_gp|Afstand tot huisartsenpraktijk|km|amenities|higher_worse|weighted_mean|population|1|g_afs_hp|AfstandTotHuisartsenpraktijk||||
distance_supermarket|Afstand tot grote supermarkt|km|amenities|higher_worse|weighted_mean|population|1|g_afs_gs|AfstandTotGroteSupermarkt||||
distance_daycare|Afstand tot kinderdagverblijf|km|amenities|higher_worse|weighted_mean|population|1|g_afs_kv|AfstandTotKinderdagverblijf||||
distance_school|Afstand tot school|km|amenities|higher_worse|weighted_mean|population|1|g_afs_sc|AfstandTotSchool||||
schools_within_3km|Scholen binnen 3 km|aantal|amenities|higher_better|weighted_mean|population|1|g_3km_sc|ScholenBinnen3Km||||
businesses|Bedrijfsvestigingen totaal|aantal|amenities|neutral|sum||0|a_bedv|BedrijfsvestigingenTotaal||||
cars_per_household|Personenauto's per huishouden|per huishouden|amenities|neutral|weighted_mean|households|1|g_pau_hh|PersonenautoSPerHuishouden||||
area_total_ha|Oppervlakte totaal|ha|area|neutral|sum||0|a_opp_ha|OppervlakteTotaal|||opp_tot|
area_land_ha|Oppervlakte land|ha|area|neutral|sum||0|a_lan_ha|OppervlakteLand|||opp_land|
area_water_ha|Oppervlakte water|ha|area|neutral|sum||0|a_wat_ha|OppervlakteWater|||opp_water|
area_km2|Oppervlakte (km²)|km²|area|neutral|sum||2||||area||
urbanity|Mate van stedelijkheid (1 = zeer sterk, 5 = niet stedelijk)|klasse|area|neutral|none||0|ste_mvs|MateVanStedelijkheid||urbanity|sted|
address_density|Omgevingsadressendichtheid|adressen per km²|area|neutral|none||0|ste_oad|Omgevingsadressendichtheid|||oad|
births|Geboorte totaal|aantal|population|neutral|sum||0|a_geb|GeboorteTotaal||||
deaths|Sterfte totaal|aantal|population|neutral|sum||0|a_ste|SterfteTotaal||||
unmarried_pct|Aandeel ongehuwd|%|population|neutral|weighted_mean|population|0|||||p_ongehuwd|
married_pct|Aandeel gehuwd|%|population|neutral|weighted_mean|population|0|||||p_gehuwd|
widowed_pct|Aandeel verweduwd|%|population|neutral|weighted_mean|population|0|||||p_verweduw|
origin_born_nl|Geboren in Nederland, herkomst Nederland|aantal|population|neutral|sum||0|a_geb_nl|||||
origin_born_europe|Geboren in Nederland, herkomst Europa (exclusief Nederland)|aantal|population|neutral|sum||0|a_geb_eu|||||
origin_born_outside_europe|Geboren in Nederland, herkomst buiten Europa|aantal|population|neutral|sum||0|a_geb_ne|||||
origin_parents_europe|Geboren buiten Nederland, herkomst Europa (exclusief Nederland)|aantal|population|neutral|sum||0|a_gbl_eu|||||
origin_parents_outside_europe|Geboren buiten Nederland, herkomst buiten Europa|aantal|population|neutral|sum||0|a_gbl_ne|||||
origin_morocco_pct|Aandeel Marokkaanse migratieachtergrond|%|population|neutral|weighted_mean|population|0|||||p_marokko|
origin_antilles_pct|Aandeel Antilliaanse of Arubaanse migratieachtergrond|%|population|neutral|weighted_mean|population|0|||||p_ant_aru|
origin_suriname_pct|Aandeel Surinaamse migratieachtergrond|%|population|neutral|weighted_mean|population|0|||||p_surinam|
origin_turkey_pct|Aandeel Turkse migratieachtergrond|%|population|neutral|weighted_mean|population|0|||||p_turkije|
origin_other_non_western_pct|Aandeel overige niet-westerse migratieachtergrond|%|population|neutral|weighted_mean|population|0|||||p_over_nw|
households_without_children_pct|Aandeel huishoudens zonder kinderen|%|households|neutral|weighted_mean|households|0|||||p_hh_z_k|
occupied_pct|Percentage bewoonde woningen|%|housing|higher_better|weighted_mean|dwellings|0|p_bewndw|||||
ownership_unknown_pct|Eigendom onbekend|%|housing|neutral|weighted_mean|dwellings|0|p_e_o_w|||||
electricity_use|Gemiddeld elektriciteitsverbruik per woning|kWh|housing|neutral|weighted_mean|dwellings|0|g_ele|GemiddeldElektriciteitsverbruikTotaal,GemiddeldeElektriciteitsleveringTotaal||||
gas_use|Gemiddeld aardgasverbruik per woning|m³|housing|neutral|weighted_mean|dwellings|0|g_gas|GemiddeldAardgasverbruikTotaal||||
cars|Personenauto's totaal|aantal|amenities|neutral|sum||0|a_pau|PersonenautoSTotaal||||
electricity_apartment|Gemiddeld elektriciteitsverbruik, appartement|kWh|housing|neutral|none||0|g_ele_ap|Gemiddelde elektriciteitslevering/Naar woningtype/Appartement||||
electricity_terraced|Gemiddeld elektriciteitsverbruik, tussenwoning|kWh|housing|neutral|none||0|g_ele_tw|Gemiddelde elektriciteitslevering/Naar woningtype/Tussenwoning||||
electricity_corner|Gemiddeld elektriciteitsverbruik, hoekwoning|kWh|housing|neutral|none||0|g_ele_hw|Gemiddelde elektriciteitslevering/Naar woningtype/Hoekwoning||||
electricity_semi_detached|Gemiddeld elektriciteitsverbruik, twee-onder-één-kapwoning|kWh|housing|neutral|none||0|g_ele_2w|Gemiddelde elektriciteitslevering/Naar woningtype/TweeOnderEenKapWoning||||
electricity_detached|Gemiddeld elektriciteitsverbruik, vrijstaande woning|kWh|housing|neutral|none||0|g_ele_vw|Gemiddelde elektriciteitslevering/Naar woningtype/VrijstaandeWoning||||
electricity_rented|Gemiddeld elektriciteitsverbruik, huurwoning|kWh|housing|neutral|none||0|g_ele_hu|Gemiddelde elektriciteitslevering/Naar eigendom/Huurwoning||||
electricity_owned|Gemiddeld elektriciteitsverbruik, eigen woning|kWh|housing|neutral|none||0|g_ele_ko|Gemiddelde elektriciteitslevering/Naar eigendom/EigenWoning||||
gas_apartment|Gemiddeld aardgasverbruik, appartement|m³|housing|neutral|none||0|g_gas_ap|Gemiddeld aardgasverbruik/Naar woningtype/Appartement||||
gas_terraced|Gemiddeld aardgasverbruik, tussenwoning|m³|housing|neutral|none||0|g_gas_tw|Gemiddeld aardgasverbruik/Naar woningtype/Tussenwoning||||
gas_corner|Gemiddeld aardgasverbruik, hoekwoning|m³|housing|neutral|none||0|g_gas_hw|Gemiddeld aardgasverbruik/Naar woningtype/Hoekwoning||||
gas_semi_detached|Gemiddeld aardgasverbruik, twee-onder-één-kapwoning|m³|housing|neutral|none||0|g_gas_2w|Gemiddeld aardgasverbruik/Naar woningtype/TweeOnderEenKapWoning||||
gas_detached|Gemiddeld aardgasverbruik, vrijstaande woning|m³|housing|neutral|none||0|g_gas_vw|Gemiddeld aardgasverbruik/Naar woningtype/VrijstaandeWoning||||
gas_rented|Gemiddeld aardgasverbruik, huurwoning|m³|housing|neutral|none||0|g_gas_hu|Gemiddeld aardgasverbruik/Naar eigendom/Huurwoning||||
gas_owned|Gemiddeld aardgasverbruik, eigen woning|m³|housing|neutral|none||0|g_gas_ko|Gemiddeld aardgasverbruik/Naar eigendom/EigenWoning||||
terraced_pct|Percentage tussenwoning (eengezins)|%|housing|neutral|weighted_mean|dwellings|0||PercentageTussenwoningEengezins||||
corner_pct|Percentage hoekwoning (eengezins)|%|housing|neutral|weighted_mean|dwellings|0||PercentageHoekwoningEengezins||||
semi_detached_pct|Percentage twee-onder-één-kapwoning (eengezins)|%|housing|neutral|weighted_mean|dwellings|0||PercentageTweeOnderEenKapWoningEe||||
detached_pct|Percentage vrijstaande woning (eengezins)|%|housing|neutral|weighted_mean|dwellings|0||PercentageVrijstaandeWoningEengezins||||
built_over_10_years_ago_pct|Bouwjaar meer dan tien jaar geleden|%|housing|neutral|weighted_mean|dwellings|0||BouwjaarMeerDanTienJaarGeleden||||
built_last_10_years_pct|Bouwjaar afgelopen tien jaar|%|housing|neutral|weighted_mean|dwellings|0||BouwjaarAfgelopenTienJaar||||
new_dwellings|Nieuwbouw woningen|aantal|housing|neutral|sum||0||NieuwbouwWoningen||||
non_residential_stock|Niet-woningvoorraad|aantal|housing|neutral|sum||0||NietWoningvoorraad||||
new_non_residential|Nieuwbouw niet-woningen|aantal|housing|neutral|sum||0||NieuwbouwNietWoningen||||
pupils_primary|Leerlingen primair onderwijs|aantal|income_work|neutral|sum||0||LeerlingenPo||||
pupils_secondary|Leerlingen voortgezet onderwijs (incl. vavo)|aantal|income_work|neutral|sum||0||LeerlingenVoInclVavo||||
students_mbo|Studenten mbo (excl. extranei)|aantal|income_work|neutral|sum||0||StudentenMboExclExtranei||||
students_hbo|Studenten hbo|aantal|income_work|neutral|sum||0||StudentenHbo||||
students_wo|Studenten wo|aantal|income_work|neutral|sum||0||StudentenWo||||
businesses_agriculture|Bedrijfsvestigingen: landbouw, bosbouw en visserij (A)|aantal|amenities|neutral|sum||0|a_bed_a|ALandbouwBosbouwEnVisserij||||
businesses_industry_energy|Bedrijfsvestigingen: nijverheid en energie (B-F)|aantal|amenities|neutral|sum||0|a_bed_bf|BFNijverheidEnEnergie||||
businesses_trade_hospitality|Bedrijfsvestigingen: handel en horeca (G+I)|aantal|amenities|neutral|sum||0|a_bed_gi|GIHandelEnHoreca||||
businesses_transport_ict|Bedrijfsvestigingen: vervoer, informatie en communicatie (H+J)|aantal|amenities|neutral|sum||0|a_bed_hj|HJVervoerInformatieEnCommunicatie||||
businesses_finance_real_estate|Bedrijfsvestigingen: financiële diensten, onroerend goed (K-L)|aantal|amenities|neutral|sum||0|a_bed_kl|KLFinancieleDienstenOnroerendGoed||||
businesses_business_services|Bedrijfsvestigingen: zakelijke dienstverlening (M-N)|aantal|amenities|neutral|sum||0|a_bed_mn|MNZakelijkeDienstverlening||||
businesses_government_education_care|Bedrijfsvestigingen: overheid, onderwijs en zorg (O-Q)|aantal|amenities|neutral|sum||0|a_bed_oq|OQOverheidOnderwijsEnZorg||||
businesses_culture_recreation|Bedrijfsvestigingen: cultuur, recreatie, overige diensten (R-U)|aantal|amenities|neutral|sum||0|a_bed_ru|RUCultuurRecreatieOverigeDiensten||||
cars_petrol|Personenauto's; brandstof benzine|aantal|amenities|neutral|sum||0|a_bst_b|PersonenautoSBrandstofBenzine|||a_bst_b|
cars_other_fuel|Personenauto's; overige brandstof|aantal|amenities|neutral|sum||0|a_bst_nb|PersonenautoSOverigeBrandstof|||a_bst_nb|
cars_under_6_years|Personenauto's jonger dan 6 jaar|aantal|amenities|neutral|sum||0|||||a_lftj6j|
cars_6_years_and_older|Personenauto's 6 jaar en ouder|aantal|amenities|neutral|sum||0|||||a_lfto6j|
company_vehicles|Bedrijfsmotorvoertuigen|aantal|amenities|neutral|sum||0|||||bedr_auto|
motorcycles|Motorfietsen|aantal|amenities|neutral|sum||0|a_m2w|Motorfietsen|||motor_2w|
distance_hospital_incl_outpatient|Afstand tot ziekenhuis (incl. buitenpolikliniek)|km|amenities|higher_worse|weighted_mean|population|1|||||af_ziek_i|
hospitals_within_5km_incl_outpatient|Ziekenhuizen (incl. buitenpolikliniek) binnen 5 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av5_ziek_i|
hospitals_within_10km_incl_outpatient|Ziekenhuizen (incl. buitenpolikliniek) binnen 10 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av10ziek_i|
hospitals_within_20km_incl_outpatient|Ziekenhuizen (incl. buitenpolikliniek) binnen 20 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av20ziek_i|
distance_hospital|Afstand tot ziekenhuis (excl. buitenpolikliniek)|km|amenities|higher_worse|weighted_mean|population|1|||||af_ziek_e|
hospitals_within_5km|Ziekenhuizen (excl. buitenpolikliniek) binnen 5 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av5_ziek_e|
hospitals_within_10km|Ziekenhuizen (excl. buitenpolikliniek) binnen 10 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av10ziek_e|
hospitals_within_20km|Ziekenhuizen (excl. buitenpolikliniek) binnen 20 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av20ziek_e|
daycare_within_1km|Kinderdagverblijven binnen 1 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av1_kdv|
daycare_within_3km|Kinderdagverblijven binnen 3 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av3_kdv|
daycare_within_5km|Kinderdagverblijven binnen 5 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av5_kdv|
distance_after_school_care|Afstand tot buitenschoolse opvang|km|amenities|higher_worse|weighted_mean|population|1|||||af_bso|
after_school_care_within_1km|Buitenschoolse opvang binnen 1 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av1_bso|
after_school_care_within_3km|Buitenschoolse opvang binnen 3 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av3_bso|
after_school_care_within_5km|Buitenschoolse opvang binnen 5 km|aantal|amenities|higher_better|weighted_mean|population|1|||||av5_bso|
distance_motorway_access|Afstand tot oprit hoofdverkeersweg|km|amenities|neutral|weighted_mean|population|1|||||af_oprith|
distance_station|Afstand tot treinstation|km|amenities|higher_worse|weighted_mean|population|1|||||af_treinst|
distance_transfer_station|Afstand tot belangrijk overstapstation|km|amenities|higher_worse|weighted_mean|population|1|||||af_overst|
distance_library|Afstand tot bibliotheek|km|amenities|higher_worse|weighted_mean|population|1|||||af_biblio|
distance_ice_rink|Afstand tot kunstijsbaan|km|amenities|neutral|weighted_mean|population|1|||||af_ijsbaan|
distance_fire_station|Afstand tot brandweerkazerne|km|amenities|higher_worse|weighted_mean|population|1|||||af_brandw|
origin_nl_pct|Aandeel herkomst Nederland|%|population|neutral|weighted_mean|population|0||||||
origin_europe_pct|Aandeel herkomst Europa (exclusief Nederland)|%|population|neutral|weighted_mean|population|0||||||
origin_outside_europe_pct|Aandeel herkomst buiten Europa|%|population|neutral|weighted_mean|population|0||||||
origin_born_nl_pct|Aandeel geboren in Nederland, herkomst Nederland|%|population|neutral|weighted_mean|population|0||||||
origin_born_europe_pct|Aandeel geboren in Nederland, herkomst Europa (exclusief Nederland)|%|population|neutral|weighted_mean|population|0||||||
origin_born_outside_europe_pct|Aandeel geboren in Nederland, herkomst buiten Europa|%|population|neutral|weighted_mean|population|0||||||
origin_parents_europe_pct|Aandeel geboren buiten Nederland, herkomst Europa (exclusief Nederland)|%|population|neutral|weighted_mean|population|0||||||
origin_parents_outside_europe_pct|Aandeel geboren buiten Nederland, herkomst buiten Europa|%|population|neutral|weighted_mean|population|0||||||
cars_per_km2|Personenauto's naar oppervlakte|per km²|amenities|neutral|weighted_mean|area_land_ha|0|g_pau_km|PersonenautoSNaarOppervlakte||||
"""
# More names for indicators above: id | scheme | names. PDOK and the Wijk- en Buurtkaart GeoPackage use the same
# long names, camelCase (aantalInwoners) or snake_case (aantal_inwoners); they are matched without case and
# underscores, so one spelling is listed.
more = """
population|pdok|aantalInwoners
men|pdok|mannen
women|pdok|vrouwen
age_0_14_pct|pdok|percentagePersonen0Tot15Jaar
age_15_24_pct|pdok|percentagePersonen15Tot25Jaar
age_25_44_pct|pdok|percentagePersonen25Tot45Jaar
age_45_64_pct|pdok|percentagePersonen45Tot65Jaar
age_65_plus_pct|pdok|percentagePersonen65JaarEnOuder
unmarried_pct|pdok|percentageOngehuwd
married_pct|pdok|percentageGehuwd
divorced_pct|pdok|percentageGescheid
widowed_pct|pdok|percentageVerweduwd
households|pdok|aantalHuishoudens
single_person_households_pct|pdok|percentageEenpersoonshuishoudens
households_without_children_pct|pdok|percentageHuishoudensZonderKinderen
households_with_children_pct|pdok|percentageHuishoudensMetKinderen
household_size|pdok|gemiddeldeHuishoudsgrootte
density|pdok|bevolkingsdichtheidInwonersPerKm2
address_density|pdok|omgevingsadressendichtheid
urbanity|pdok|stedelijkheidAdressenPerKm2
area_total_ha|pdok|oppervlakteTotaalInHa
area_land_ha|pdok|oppervlakteLandInHa
area_water_ha|pdok|oppervlakteWaterInHa
origin_western_pct|pdok|percentageWesterseMigratieachtergrond
origin_non_western_pct|pdok|percentageNietWesterseMigratieachtergrond
origin_morocco_pct|pdok|percentageUitMarokko
origin_antilles_pct|pdok|percentageUitNederlandseAntillenEnAruba
origin_suriname_pct|pdok|percentageUitSuriname
origin_turkey_pct|pdok|percentageUitTurkije
origin_other_non_western_pct|pdok|percentageOverigeNietwestersemigratieachtergrond
origin_nl_pct|pdok|percentageMetHerkomstlandNederland
origin_europe_pct|pdok|percentageMetHerkomstlandUitEuropaExclNl
origin_outside_europe_pct|pdok|percentageMetHerkomstlandBuitenEuropa
origin_born_nl_pct|pdok|percentageGebInNlMetHerkomstlandNederland
origin_born_europe_pct|pdok|percGebInNlMetHerkomstlandInEuropaExNl
origin_born_outside_europe_pct|pdok|percGebInNlMetHerkomstlandBuitenEuropa
origin_parents_europe_pct|pdok|percGebBuitenNlMetHerkomstlndInEuropaExNl
origin_parents_outside_europe_pct|pdok|percGebBuitenNlMetHerkomstlndBuitenEuropa
men|wbk|aant_man
women|wbk|aant_vrouw
age_0_14_pct|wbk|p_00_14_jr
age_15_24_pct|wbk|p_15_24_jr
age_25_44_pct|wbk|p_25_44_jr
age_45_64_pct|wbk|p_45_64_jr
age_65_plus_pct|wbk|p_65_eo_jr
single_person_households_pct|wbk|p_eenp_hh
households_with_children_pct|wbk|p_hh_m_k
households_without_children_pct|wbk|p_hh_z_k
divorced_pct|wbk|p_gescheid
origin_western_pct|wbk|p_west_al
origin_non_western_pct|wbk|p_n_w_al
origin_morocco_pct|wbk|p_marokko
origin_antilles_pct|wbk|p_ant_aru
origin_suriname_pct|wbk|p_surinam
origin_turkey_pct|wbk|p_turkije
origin_other_non_western_pct|wbk|p_over_nw
cars|wbk|auto_tot
cars_per_household|wbk|auto_hh
cars_per_km2|wbk|auto_land
distance_daycare|wbk|af_kdv
origin_nl|statline|Herkomstland/Nederland
origin_europe|statline|Herkomstland/EuropaExclusiefNederland
origin_outside_europe|statline|Herkomstland/BuitenEuropa
origin_born_nl|statline|Geboren in Nederland/Nederland
origin_born_europe|statline|Geboren in Nederland/EuropaExclusiefNederland
origin_born_outside_europe|statline|Geboren in Nederland/BuitenEuropa
origin_parents_europe|statline|Geboren buiten Nederland/EuropaExclusiefNederland
origin_parents_outside_europe|statline|Geboren buiten Nederland/BuitenEuropa
"""
# Columns that name or describe the region rather than measure it, per naming scheme (lowercase; for pdok also
# without underscores). StatLine's are key stems.
META = {
    "kwb": ["gwb_code_10", "gwb_code_8", "gwb_code", "regio", "gm_naam", "recs", "ind_wbi", "pst_mvp", "pst_dekp",
            "wk_code", "bu_code", "gm_code"],
    "kwb2019": ["region", "unique_id"],
    "statline": ["id", "wijkenenbuurten", "gemeentenaam", "soortregio", "codering",
                 "indelingswijzigingGemeenteWijkBuurt", "meestvoorkomendepostcode", "dekkingspercentage",
                 "perioden", "regios"],
    "wbk": ["bu_code", "bu_naam", "wk_code", "wk_naam", "gm_code", "gm_naam", "ind_wbi", "water", "h2o", "postcode",
            "dek_perc", "jrstatcode", "jaar", "shape_leng", "shape_area", "objectid", "shape", "indeling", "gem_nr"],
    "pdok": ["fid", "geom", "fuuid", "id", "buurtcode", "buurtnaam", "wijkcode", "wijknaam", "gemeentecode",
             "gemeentenaam", "indelingswijzigingwijkenenbuurten", "water", "meestvoorkomendepostcode",
             "dekkingspercentage", "jrstatcode", "jaarstatcode", "jaar", "statcode", "statnaam"],
}
# Plausible ranges per unit: a value outside is refused at import with its row and column (1e29 or -5000
# inhabitants, 250 %). Wide on purpose: they catch impossible values, not unusual ones. Overrides per id below.
RANGES={"aantal":(0,20_000_000),"%":(0,100),"per 1 000 inwoners":(0,1000),"x 1 000 euro":(0,100_000),"personen":(0,20),
        "inwoners per km²":(0,100_000),"ha":(0,10_000_000),"km²":(0,100_000),"klasse":(1,5),"adressen per km²":(0,100_000),
        "km":(0,1000),"per huishouden":(0,20),"per km²":(0,1_000_000),"kWh":(0,1_000_000),"m³":(0,100_000),"score":(-100,100)}
OVERRIDES={
    # Business districts have many registered crimes and few inhabitants.
    "crime_per_1000":(0,1_000_000),
    # Median wealth is negative where debts (student loans, mortgages under water) outweigh assets.
    "median_wealth":(-100_000,100_000),
}
out=[]
for line in rows.strip().splitlines():
    f=line.split("|")
    assert len(f)==14, line
    id_,label,unit,domain,direction,agg,weight,dec,kwb,sl,lbm,tmap,wbk,k19=f
    def L(s): return [x for x in s.split(",") if x]
    a={"rule":agg}
    if weight: a["weight"]=weight
    out.append({"id":id_,"label":label,"unit":unit,"domain":domain,"direction":direction,"aggregation":a,
      "decimals":int(dec),"stigmatising":id_.startswith("origin_"),"range":list(OVERRIDES.get(id_, RANGES[unit])),
      "names":{"kwb":L(kwb),"statline":L(sl),"leefbaarometer":L(lbm),"tmap":L(tmap),"wbk":L(wbk),"kwb2019":L(k19)}})
ids={o["id"] for o in out}
for o in out:
    w=o["aggregation"].get("weight")
    assert w is None or w in ids, w
byid={o["id"]:o for o in out}
for line in more.strip().splitlines():
    id_,scheme,names=line.split("|")
    known=byid[id_]["names"].setdefault(scheme,[])
    known.extend(n for n in names.split(",") if n and n.lower() not in {k.lower() for k in known})

# The layouts of the files CBS and PDOK publish, each from a cited source (scripts/layouts/*.txt). Every column
# must be an indicator or a region column: a verified layout imports with zero unknown columns. The years an
# indicator was published are the years of the layouts that have it.
def key(scheme, name):
    name=name.strip().lower()
    if scheme=="pdok": name=name.replace("_","")
    if scheme=="statline": name=re.sub(r"_\d+$","",name)
    return name
lookup={}
for o in out:
    for scheme,names in o["names"].items():
        for n in names:
            other=lookup.setdefault((scheme,key(scheme,n)),o["id"])
            assert other==o["id"], f"{n} ({scheme}) is both {other} and {o['id']}"
meta={scheme:{key(scheme,n) for n in names} for scheme,names in META.items()}
layouts=[]
problems=[]
here=os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here,"layouts","*.txt"))):
    head={}; columns=[]
    for line in open(path,encoding="utf-8").read().splitlines():
        if line.startswith("# "):
            k,_,v=line[2:].partition(": "); head[k]=v
        elif line.strip(): columns.append(line.strip())
    scheme=head["scheme"]; years=[int(y) for y in head["years"].split(",")]
    names=[]
    for column in columns:
        name,_,qualified=column.partition(" = ")
        names.append(name)
        k=key(scheme, qualified or name)
        if k in meta.get(scheme,()): continue
        if (scheme,k) not in lookup: problems.append(f"{os.path.basename(path)}: {name} is geen indicator"); continue
        o=byid[lookup[(scheme,k)]]
        o.setdefault("years",[])
        o["years"]=sorted(set(o["years"])|set(years))
    layouts.append({"id":head["id"],"title":head["title"],"scheme":scheme,"years":years,
                    "status":head.get("status","verified"),"source":head["source"],"fixture":head.get("fixture"),
                    "columns":names})
assert not problems, "\n".join(problems)
for o in out: o.setdefault("years",[])
json.dump({"version":1,"indicators":out,"meta":{k:sorted(v) for k,v in meta.items()},"layouts":layouts},
          open(os.path.join(os.path.dirname(here),"Sources","Core","Resources","indicators.json"),"w"),
          ensure_ascii=False,indent=1)
print(len(out), "indicators,", len(layouts), "layouts")
