#!/usr/bin/env python3
"""Writes Sources/Core/Resources/indicators.json, the indicator catalogue, from the table below.

One line per indicator: id | Dutch label | unit | domain | direction | aggregation | weight | decimals |
names in kwb | StatLine stem | Leefbaarometer | tmap | Wijk- en Buurtkaart | kwb-2019 extract.
Ids starting with origin_ are origin-based and marked stigmatising: they never enter a score or warning.
"""
import json
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
area_km2|Oppervlakte (tmap, km²)|km²|area|neutral|sum||2||||area||
urbanity|Mate van stedelijkheid (1 = zeer sterk, 5 = niet stedelijk)|klasse|area|neutral|none||0|ste_mvs|MateVanStedelijkheid||urbanity|sted|
address_density|Omgevingsadressendichtheid|adressen per km²|area|neutral|none||0|ste_oad|Omgevingsadressendichtheid|||oad|
births|Geboorte totaal|aantal|population|neutral|sum||0|a_geb|GeboorteTotaal||||
deaths|Sterfte totaal|aantal|population|neutral|sum||0|a_ste|SterfteTotaal||||
unmarried_pct|Aandeel ongehuwd|%|population|neutral|weighted_mean|population|0|||||p_ongehuwd|
married_pct|Aandeel gehuwd|%|population|neutral|weighted_mean|population|0|||||p_gehuwd|
widowed_pct|Aandeel verweduwd|%|population|neutral|weighted_mean|population|0|||||p_verweduw|
origin_born_nl|Geboorteland Nederland|aantal|population|neutral|sum||0|a_geb_nl|||||
origin_born_europe|Geboorteland Europa (exclusief Nederland)|aantal|population|neutral|sum||0|a_geb_eu|||||
origin_born_outside_europe|Geboorteland buiten Europa|aantal|population|neutral|sum||0|a_geb_ne|||||
origin_parents_europe|Geboorteland ouders Europa (exclusief Nederland)|aantal|population|neutral|sum||0|a_gbl_eu|||||
origin_parents_outside_europe|Geboorteland ouders buiten Europa|aantal|population|neutral|sum||0|a_gbl_ne|||||
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
cars_per_km2|Personenauto's naar oppervlakte|per km²|amenities|neutral|weighted_mean|area_land_ha|0|g_pau_km|PersonenautoSNaarOppervlakte||||
"""
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
json.dump({"version":1,"indicators":out},open(__import__("os").path.join(__import__("os").path.dirname(__import__("os").path.dirname(__import__("os").path.abspath(__file__))), "Sources", "Core", "Resources", "indicators.json"),"w"),ensure_ascii=False,indent=1)
print(len(out))
