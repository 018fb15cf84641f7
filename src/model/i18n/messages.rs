//! The strings of one UI language as a struct, [`Messages`], with a field per string: a
//! language file (`en.rs`, `zh.rs`) that misses one does not compile. Only the declaration is
//! here; the languages' values and everything that fills them in are beside it in `i18n`.

/// A string that differs by count in some languages.
#[derive(Clone, Copy, Debug)]
pub struct Plural {
    /// For exactly one (`{n}` is replaced).
    pub one: &'static str,
    /// For any other count.
    pub other: &'static str,
}

macro_rules! messages {
    ($($(#[$doc:meta])* $field:ident : $ty:ty),+ $(,)?) => {
        /// Every user-visible string of one language.
        #[derive(Debug)]
        pub struct Messages { $($(#[$doc])* pub $field: $ty),+ }

        impl Messages {
            /// Every plain string with its field name (for the completeness tests).
            pub fn entries(&self) -> Vec<(&'static str, String)> {
                let mut out = Vec::new();
                $( entries_of(stringify!($field), &self.$field, &mut out); )+
                out
            }
        }
    };
}

/// Collects the text of any message field for tests.
trait Entries {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>);
}

impl Entries for &'static str {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>) {
        out.push((name, (*self).to_owned()));
    }
}

impl Entries for Plural {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>) {
        out.push((name, self.one.to_owned()));
        out.push((name, self.other.to_owned()));
    }
}

impl<const N: usize> Entries for [&'static str; N] {
    fn collect(&self, name: &'static str, out: &mut Vec<(&'static str, String)>) {
        for s in self {
            out.push((name, (*s).to_owned()));
        }
    }
}

fn entries_of<T: Entries>(name: &'static str, value: &T, out: &mut Vec<(&'static str, String)>) {
    value.collect(name, out);
}

messages! {
    // Shell
    /// Product name in the header.
    app_name: &'static str,
    /// One-line description under the name.
    tagline: &'static str,
    /// Label of the language switcher.
    language: &'static str,
    /// Progress text while the data loads.
    loading: &'static str,
    /// Heading when loading failed.
    load_failed: &'static str,
    /// Retry button.
    retry: &'static str,
    /// Where a source is shown while the sources' details are still loading.
    sources_loading: &'static str,
    /// The sources' details could not be loaded. `{reason}`.
    sources_failed: &'static str,
    /// Button that goes back to the bundled dataset.
    use_bundled: &'static str,
    /// Heading of the panic screen.
    crashed_title: &'static str,
    /// Body of the panic screen.
    crashed_body: &'static str,
    /// Reload button on the panic screen.
    reload: &'static str,
    /// `{n}` partnerships loaded: a count of ties of any kind (zh: a general word, never 友城).
    n_partnerships: Plural,
    /// `{n}` partnerships, when a count takes formal friendship cities only (zh: 友好城市).
    n_formal_partnerships: Plural,
    /// Headline: pairs with countries.
    headline_pairs_countries: &'static str,
    /// Headline: the place's name before the figures.
    headline_scope: &'static str,
    /// Month names, January first.
    month_names: [&'static str; 12],

    // Fetch errors
    /// `{url}` answered HTTP `{status}`.
    fetch_status: &'static str,
    /// `{url}` could not be reached: `{reason}`.
    fetch_network: &'static str,
    /// `{url}` answered too slowly.
    fetch_timeout: &'static str,

    // Problems
    /// Prefix naming the record: `{record}`, field `{field}`.
    problem_where_field: &'static str,
    /// Prefix naming the record without a field.
    problem_where: &'static str,
    /// The record was skipped.
    problem_skipped: &'static str,
    /// The record was kept without the field.
    problem_kept: &'static str,
    /// Record kind names: file, dataset, source, country, place, partnership, reported, row.
    record_kinds: [&'static str; 8],
    /// Record `{kind}` number `{n}`.
    record_numbered: &'static str,
    /// The file is not JSON: line, column.
    p_json_syntax: &'static str,
    /// Nested too deeply.
    p_too_deep: &'static str,
    /// File too large: `{mb}` MB, limit `{limit}` MB.
    p_too_large: &'static str,
    /// Empty file.
    p_empty: &'static str,
    /// A byte-order mark was ignored.
    p_bom: &'static str,
    /// Not UTF-8 at byte `{offset}`.
    p_not_utf8: &'static str,
    /// Not partnership JSON.
    p_not_partnership_json: &'static str,
    /// A sources file of another format, dataset or version. `{dataset}`.
    p_not_sources_file: &'static str,
    /// A `sources_file` outside the dataset's folder. `{value}`.
    p_sources_file_elsewhere: &'static str,
    /// Unknown major version `{found}`, reads `{supported}`.
    p_unknown_major: &'static str,
    /// Newer minor version `{found}`.
    p_newer_minor: &'static str,
    /// Missing field.
    p_missing: &'static str,
    /// Wrong type, expected `{expected}`.
    p_wrong_type: &'static str,
    /// Empty text.
    p_empty_text: &'static str,
    /// Duplicate id `{id}`.
    p_duplicate_id: &'static str,
    /// Reference to a missing `{target}` `{id}`.
    p_dangling: &'static str,
    /// Coordinates out of range `{value}`.
    p_coords: &'static str,
    /// Only one of lat/lon.
    p_half_coords: &'static str,
    /// Unknown value `{value}`, allowed `{allowed}`.
    p_unknown_value: &'static str,
    /// Bad date `{value}`: `{reason}`.
    p_bad_date: &'static str,
    /// End date before the start date.
    p_ends_before_start: &'static str,
    /// Unknown country code `{code}`.
    p_unknown_country: &'static str,
    /// A list's country cell `{name}` that is no country name the app knows (a name, not a code).
    p_unknown_country_name: &'static str,
    /// A place partnered with itself.
    p_self_pair: &'static str,
    /// Same two places as `{other}`.
    p_duplicate_pair: &'static str,
    /// Parent cycle.
    p_parent_cycle: &'static str,
    /// Not a whole number `{value}`.
    p_bad_count: &'static str,
    /// Wrong column count: expected `{expected}`, found `{found}`.
    p_column_count: &'static str,
    /// Unclosed or misplaced quotes.
    p_bad_quoting: &'static str,
    /// Missing column `{column}`.
    p_missing_column: &'static str,
    /// No coordinates and not in the gazetteer: `{name}`.
    p_unplaceable: &'static str,
    /// Not an http(s) URL: `{value}`.
    p_unsafe_url: &'static str,
    p_workbook: &'static str,
    /// Document title.
    page_title: &'static str,
    /// A data file could not be read: {url}, {problem}.
    file_problem: &'static str,
    /// Skip link.
    skip_to_content: &'static str,
    /// Heading of the filter panel.
    filters_title: &'static str,
    /// Label of the tab list.
    views_label: &'static str,
    /// Over the page's static map while the app draws a view other than the default one.
    static_loading_view: &'static str,
    /// Said when a control of the page's static first view is used before the app is there.
    static_not_ready: &'static str,
    /// The map toolbar's button that downloads the map as shown as an SVG file.
    download_map_svg: &'static str,
    /// Tab: map.
    tab_map: &'static str,
    /// Tab: charts.
    tab_charts: &'static str,
    /// Tab: table.
    tab_table: &'static str,
    /// Tab: stories.
    tab_stories: &'static str,
    /// Tab: data and sources.
    tab_data: &'static str,
    /// Type: formal sister city.
    kind_sister: &'static str,
    /// Type: friendly cooperation.
    kind_friendly: &'static str,
    /// Type: letter of intent.
    kind_intent: &'static str,
    /// Type not known.
    kind_unknown: &'static str,
    /// Status active.
    status_active: &'static str,
    /// Status ended.
    status_ended: &'static str,
    /// The status of a pair a source contradicts: {status}.
    status_disputed: &'static str,
    /// Between a label and its value in running text ("Disputed: …").
    label_separator: &'static str,
    /// Status pending.
    status_pending: &'static str,
    /// Level: province-level unit.
    level_province: &'static str,
    /// Level: prefecture-level city.
    level_prefecture: &'static str,
    /// Level: county or county-level city.
    level_county: &'static str,
    /// Level: district.
    level_district: &'static str,
    /// Level: township.
    level_township: &'static str,
    /// Level: foreign first-level unit.
    level_state: &'static str,
    /// Level: foreign second-level unit.
    level_region: &'static str,
    /// Level: foreign city.
    level_city: &'static str,
    /// Level not stated.
    level_other: &'static str,
    /// Continent.
    continent_africa: &'static str,
    /// Continent.
    continent_asia: &'static str,
    /// Continent.
    continent_europe: &'static str,
    /// Continent.
    continent_north_america: &'static str,
    /// Continent.
    continent_south_america: &'static str,
    /// Continent.
    continent_oceania: &'static str,
    /// Continent.
    continent_antarctica: &'static str,
    /// SCO status.
    sco_member: &'static str,
    /// SCO status.
    sco_observer: &'static str,
    /// SCO status.
    sco_dialogue_partner: &'static str,
    /// Headline scope when nothing is filtered and the dataset has no home country.
    scope_all: &'static str,
    /// Headline scope when several filters are set.
    scope_selection: &'static str,
    /// Suffix during playback: at the end of {year}.
    as_of_year_end: &'static str,
    /// Details under the headline: pairs with no known year (left out when none).
    n_undated: Plural,
    /// What the headline's figures count: {scope}.
    headline_counting: &'static str,
    /// An official number the report gives as "more than" it: {n}.
    number_more_than: &'static str,
    /// An official number the report gives as "about" it: {n}.
    number_about: &'static str,
    /// An official figure of partner cities: {n} (with its qualifier).
    reported_cities: Plural,
    /// An official figure of partner local governments: {n} (with its qualifier).
    reported_local_governments: Plural,
    /// What an official figure of sister ties with provinces and states counts.
    reported_level_state: &'static str,
    /// What an official figure of sister ties with cities (not provinces or states) counts.
    reported_level_city: &'static str,
    /// What an official figure counts, restricted: {what} · {restriction}.
    reported_what_with: &'static str,
    /// A reported figure with pairs only.
    reported_pairs_only: &'static str,
    /// A reported figure with countries only.
    reported_countries_only: &'static str,
    /// Label before an official figure.
    reported_label: &'static str,
    /// An official figure's date, after the figure: {date}.
    reported_date: &'static str,
    /// A count with what it counts: "{count} ({scope})".
    counted: &'static str,
    /// A number of partnerships and their partner countries: {pairs}, {countries}.
    pairs_with_countries: &'static str,
    /// A count of none, before its scope.
    no_partnerships: &'static str,
    /// Between the parts of a count's scope.
    scope_separator: &'static str,
    /// Scope: a place's own ties.
    scope_own: &'static str,
    /// Scope: a place's ties with those of the places under it.
    scope_with_under: &'static str,
    /// Scope: ties with partners in {country}.
    scope_in_country: &'static str,
    /// Scope: every kind of tie.
    scope_every_kind: &'static str,
    /// Scope: formal sister (friendship) cities only.
    scope_formal: &'static str,
    /// Scope: formal sister cities and friendly partners, no letters of intent.
    scope_established: &'static str,
    /// Scope: one kind only ({kind}).
    scope_one_kind: &'static str,
    /// Scope: the kinds chosen in the filters.
    scope_several_kinds: &'static str,
    /// Scope: every year, dated or not.
    scope_all_years: &'static str,
    /// Scope: begun by the end of {year} (playback).
    scope_up_to: &'static str,
    /// Scope: begun in {from}–{to}.
    scope_years: &'static str,
    /// Scope: begun in {from}–{to}, with the undated kept.
    scope_years_undated: &'static str,
    /// Scope: known to exist on {date} (a figure's date or the date cut).
    scope_known_by: &'static str,
    /// Scope: the date cut with the pairs of no known year kept ({date}).
    scope_known_by_undated: &'static str,
    /// Not counted beside an official figure: ties begun after its date ({what}: the number of
    /// pairs, with their kind when the count takes one kind; {date}).
    compare_later: &'static str,
    /// Letters of intent signed after the day: {what}, {date}.
    apart_later_signed: &'static str,
    /// An official figure in a profile: {date}, {about} (its kind and note), {numbers}.
    reported_line: &'static str,
    /// A text with a note in brackets after it (the locale's brackets): {text}, {note}.
    with_note: &'static str,
    /// A source's own title, set apart from the words around it: {title}.
    cited_title: &'static str,
    /// Scope: begun in {from} or later and known to exist on {date}.
    scope_since_known_by: &'static str,
    /// Scope: narrowed by other filters.
    scope_narrowed: &'static str,
    /// A map marker's pairs that cannot be drawn.
    not_drawn: Plural,
    /// A cluster marker's label: its heaviest place's {name} and {n} others ("Seoul +12").
    map_cluster_label: &'static str,
    /// A cluster marker's tooltip title: {name} and {n} others.
    map_cluster_title: Plural,
    /// The dataset's side of an official figure: {count} (a count with its scope), {percent}.
    compare_dataset: &'static str,
    /// The dataset's side of an official figure when it is below one percent: {count}.
    compare_dataset_small: &'static str,
    /// The dataset's side of an official figure when it holds none of it: {count}.
    compare_dataset_none: &'static str,
    /// The dataset's side of an official figure in short, for a phone: {count}.
    compare_short: &'static str,
    /// The same with its share of the figure: {count}, {percent}.
    compare_short_percent: &'static str,
    /// What the comparison leaves out: {list}.
    compare_left_out: &'static str,
    /// How many ties the comparison leaves out, in one figure: the folded form of
    /// `compare_left_out`, which opens to the list.
    compare_left_out_total: Plural,
    /// The same, when the view shows fewer ties than the figure's place has: {n} of {total}
    /// ties of {place}, every kind and date, are not counted.
    compare_left_out_of_all: &'static str,
    /// Pairs of unstated type left out of a comparison.
    compare_unstated: Plural,
    /// Pairs with no known year left out of a comparison ({what}).
    compare_undated: &'static str,
    /// Ties of a counted kind ended by {date}, left out of a comparison ({what}).
    apart_ended: &'static str,
    /// Letters of intent left out of a comparison.
    apart_intent: Plural,
    /// Formal friendship cities left out of a comparison (of friendly-cooperation ties).
    apart_formal: Plural,
    /// Friendly-cooperation ties left out of a comparison (of formal friendship cities).
    apart_friendly: Plural,
    /// Between the items of a short list ("1,260 of unstated type and 300 with no known year").
    list_and: &'static str,
    /// Between the items of a list ("Japan 296, Korea 353").
    list_comma: &'static str,
    /// Between the scope and the figures.
    headline_colon: &'static str,
    /// Filter section: Chinese side.
    filter_home_side: &'static str,
    /// Province select label.
    filter_province: &'static str,
    /// First option of the province select.
    choose_province: &'static str,
    /// Level checkboxes legend.
    filter_level: &'static str,
    /// The level filter's last option: every home of another level (towns, zones, unknown).
    filter_level_other: &'static str,
    /// Filter section: partner side.
    filter_partner_side: &'static str,
    /// Country select label.
    filter_country: &'static str,
    /// First option of the country select.
    choose_country: &'static str,
    /// Continent legend.
    filter_continent: &'static str,
    /// Belt and Road legend.
    filter_bri: &'static str,
    /// BRI: any country.
    bri_any: &'static str,
    /// BRI: cooperation country now.
    bri_now: &'static str,
    /// BRI: already at signing.
    bri_at_signing: &'static str,
    /// BRI: a cooperation country on the date cut's day ({date}).
    bri_on_date: &'static str,
    /// SCO legend.
    filter_sco: &'static str,
    /// SCO time toggle.
    sco_at_signing: &'static str,
    /// Short SCO label for chips.
    sco_short: &'static str,
    /// Filter section: relationship.
    filter_relationship: &'static str,
    /// Type legend.
    filter_type: &'static str,
    /// Status legend.
    filter_status: &'static str,
    /// Time section.
    filter_years: &'static str,
    /// Year range start.
    year_from: &'static str,
    /// Year range end.
    year_to: &'static str,
    /// Checkbox: include pairs without a year; {n} have none.
    include_undated: &'static str,
    /// Checkbox: include pairs a source contradicts; {n} are.
    include_disputed: &'static str,
    /// The date cut's field: ties in force on a day.
    known_by_label: &'static str,
    /// Beside the date cut: {n} ties it cannot place on its day.
    on_date_apart: Plural,
    /// Chip for a place filter including places under it.
    chip_place_and_below: &'static str,
    /// Chip for the year range.
    chip_years: &'static str,
    /// Chip: pairs without a year excluded.
    chip_no_undated: &'static str,
    /// Chip: disputed pairs hidden.
    chip_no_disputed: &'static str,
    /// Chip for the date cut: ties in force on {date}.
    chip_known_by: &'static str,
    /// A partnership's name: {home} and {partner}.
    pair_name: &'static str,
    /// Label of the chip list.
    active_filters: &'static str,
    /// Remove-chip button label.
    remove_filter: &'static str,
    /// Clear all filters.
    clear_all: &'static str,
    /// Number of partners.
    n_partners: Plural,
    /// Suggestion detail for a country.
    country_word: &'static str,
    /// Search box label.
    search_label: &'static str,
    /// Search placeholder.
    search_placeholder: &'static str,
    /// Label of the suggestion list.
    suggestions: &'static str,
    /// Live count of suggestions.
    n_suggestions: &'static str,
    /// Legend heading.
    legend: &'static str,
    /// Legend: Chinese place marker.
    legend_chinese_place: &'static str,
    /// Legend: partner marker.
    legend_partner_place: &'static str,
    /// Legend: marker size.
    legend_marker_size: &'static str,
    /// Legend: the colour of a flow that merges ties of several types.
    legend_mixed: &'static str,
    /// Legend: choropleth classes.
    legend_choropleth: &'static str,
    /// Heading of ignored parameters.
    url_notices_title: &'static str,
    /// Unknown parameter.
    notice_unknown_param: &'static str,
    /// Malformed parameter, expected {expected}.
    notice_malformed: &'static str,
    /// A parameter names something not in the data.
    notice_not_in_data: &'static str,
    /// Dismiss a notice.
    dismiss: &'static str,
    /// Loading found problems.
    load_problems_summary: &'static str,
    /// Link to the validation report.
    see_report: &'static str,
    /// Banner for synthetic data.
    synthetic_warning: &'static str,
    /// Text alternative of the map: {pairs} between {homes} and {partners}.
    map_summary: &'static str,
    /// The map's text alternative: Chinese places.
    n_home_places: Plural,
    /// The map's text alternative: partner places.
    n_partner_places: Plural,
    /// The map's text alternative when places are grouped: Chinese provinces.
    n_home_provinces: Plural,
    /// The map's text alternative when places are grouped: partner countries.
    n_partner_countries: Plural,
    /// The list under the map when places are grouped: its provinces and countries.
    groups_on_map: Plural,
    /// The map's text alternative: pairs listed but not drawn (left out when none).
    map_unplaced: Plural,
    /// Label of the map region.
    map_label: &'static str,
    /// Keyboard help under the map.
    map_help: &'static str,
    /// The basemap could not load.
    basemap_failed: &'static str,
    /// Toolbar label.
    map_controls: &'static str,
    /// Zoom group label.
    zoom: &'static str,
    /// Zoom in.
    zoom_in: &'static str,
    /// Zoom out.
    zoom_out: &'static str,
    /// Reset the view.
    reset_view: &'static str,
    /// Map profile group.
    borders_label: &'static str,
    /// China's official view.
    profile_china: &'static str,
    /// Neutral view.
    profile_neutral: &'static str,
    /// Centring group.
    centre_label: &'static str,
    /// Pacific-centred.
    centre_pacific: &'static str,
    /// Atlantic-centred.
    centre_atlantic: &'static str,
    /// Shading group.
    shading_label: &'static str,
    /// Arcs mode.
    shading_arcs: &'static str,
    /// Choropleth mode.
    shading_choropleth: &'static str,
    /// Grouping select.
    grouping_label: &'static str,
    /// Group automatically.
    grouping_auto: &'static str,
    /// Always group.
    grouping_grouped: &'static str,
    /// Never group.
    grouping_places: &'static str,
    /// Hint when nothing is selected.
    select_hint: &'static str,
    /// Close button.
    close: &'static str,
    /// Shown of total.
    n_of_total: &'static str,
    /// Filter to the place.
    filter_to_place: &'static str,
    /// Open the profile.
    open_profile: &'static str,
    /// Caption of the partner table.
    partners_caption: &'static str,
    /// Column: partner.
    col_partner: &'static str,
    /// Column: date established.
    col_established: &'static str,
    /// Column: type.
    col_type: &'static str,
    /// Column: sources.
    col_sources: &'static str,
    /// Date unknown.
    unknown_year: &'static str,
    /// A date the sources work out rather than print ("{date}").
    date_derived: &'static str,
    /// Column: status.
    col_status: &'static str,
    /// Column: date ended.
    col_ended: &'static str,
    /// Label: earlier stages.
    earlier_stages: &'static str,
    /// Label: note.
    note: &'static str,
    /// Conflicting values.
    sources_differ: &'static str,
    /// The mark of a pair a source contradicts (pair panel, table).
    pair_disputed: &'static str,
    /// Label of the source that contradicts a pair.
    pair_disputed_source: &'static str,
    /// The button that opens a place of a pair with no place under it: {place}.
    show_place_partners: &'static str,
    /// The button that opens a place of a pair with places under it: {place}.
    show_place_partners_under: &'static str,
    /// Places on the map.
    places_on_map: Plural,
    /// Help of the places list.
    places_list_help: &'static str,
    /// Show more items.
    show_more: &'static str,
    /// Playback group.
    playback: &'static str,
    /// Pause.
    pause: &'static str,
    /// Play.
    play: &'static str,
    /// One year back.
    step_back: &'static str,
    /// One year forward.
    step_forward: &'static str,
    /// Year slider.
    playback_year: &'static str,
    /// No playback year.
    all_years: &'static str,
    /// Speed select.
    speed: &'static str,
    /// Stop playback.
    show_all_years: &'static str,
    /// Undated pairs during playback.
    playback_undated: &'static str,
    /// Value axis of bar charts.
    chart_pairs: &'static str,
    /// Growth chart title.
    chart_growth_title: &'static str,
    /// Year axis.
    chart_year: &'static str,
    /// New pairs axis.
    chart_new_pairs: &'static str,
    /// Note under the growth chart.
    chart_undated_note: Plural,
    /// Text summary of the growth chart (the undated are said once, in the note under it).
    chart_growth_summary: &'static str,
    /// Summary when nothing is dated.
    chart_empty_summary: &'static str,
    /// Country chart title.
    chart_countries_title: &'static str,
    /// Country axis.
    chart_country: &'static str,
    /// Under a top-N chart: {more} ("124 more countries"), with {pairs}.
    chart_rest: &'static str,
    /// Pairs the province chart cannot place, their home having no known province.
    chart_no_province: Plural,
    /// Countries beyond the top ones.
    n_more_countries: Plural,
    /// Provinces beyond the top ones.
    n_more_provinces: Plural,
    /// Continent chart title.
    chart_continents_title: &'static str,
    /// Province chart title.
    chart_provinces_title: &'static str,
    /// Type chart title.
    chart_kinds_title: &'static str,
    /// Text summary of a bar chart.
    chart_bars_summary: &'static str,
    /// One of the largest bars in a chart's summary: {label} and its {n}.
    chart_bar_item: &'static str,
    /// No filter set.
    no_filters: &'static str,
    /// Filters as a line.
    filters_line: &'static str,
    /// Shaanxi report (2018): its title (the report is in English).
    story_shaanxi_2018_title: &'static str,
    /// Shaanxi report: its date and source line, as it gives them.
    story_shaanxi_2018_source: &'static str,
    /// Claim (the report's words; English original).
    story_shaanxi_established_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shaanxi_established_terms: &'static str,
    /// Claim.
    story_shaanxi_approved_quote: &'static str,
    /// Why the dataset cannot check the claim.
    story_shaanxi_approved_terms: &'static str,
    /// Claim.
    story_shaanxi_intent_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shaanxi_intent_terms: &'static str,
    /// Claim.
    story_shaanxi_contact_quote: &'static str,
    /// Why the dataset cannot check the claim.
    story_shaanxi_contact_terms: &'static str,
    /// Claim.
    story_xian_nara_quote: &'static str,
    /// What the dataset checks for the claim.
    story_xian_nara_terms: &'static str,
    /// Claim.
    story_shaanxi_new_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shaanxi_new_terms: &'static str,
    /// Claim.
    story_shaanxi_continents_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shaanxi_continents_terms: &'static str,
    /// Claim.
    story_shaanxi_central_asia_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shaanxi_central_asia_terms: &'static str,
    /// Claim.
    story_xian_partners_quote: &'static str,
    /// What the dataset counts for the claim.
    story_xian_partners_terms: &'static str,
    /// Claim.
    story_yanan_kansas_city_quote: &'static str,
    /// What the dataset checks for the claim.
    story_yanan_kansas_city_terms: &'static str,
    /// Claim.
    story_yanan_trier_quote: &'static str,
    /// What the dataset checks for the claim.
    story_yanan_trier_terms: &'static str,
    /// Shanxi report (2025): its title (given in English only).
    story_shanxi_2025_title: &'static str,
    /// Shanxi report: its date and source line, as it gives them.
    story_shanxi_2025_source: &'static str,
    /// Claim (Chinese original; the English is the report's own).
    story_shanxi_sister_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shanxi_sister_terms: &'static str,
    /// Claim.
    story_shanxi_friendly_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shanxi_friendly_terms: &'static str,
    /// Claim.
    story_shanxi_sister_bri_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shanxi_sister_bri_terms: &'static str,
    /// Claim.
    story_shanxi_friendly_bri_quote: &'static str,
    /// What the dataset counts for the claim.
    story_shanxi_friendly_bri_terms: &'static str,
    /// Claim.
    story_jincheng_sarah_baartman_quote: &'static str,
    /// What the dataset checks for the claim.
    story_jincheng_sarah_baartman_terms: &'static str,
    /// Hunan report (2020): its title (the report is in English).
    story_hunan_2020_title: &'static str,
    /// Hunan report: its date and source line, as it gives them.
    story_hunan_2020_source: &'static str,
    /// Claim.
    story_hunan_ties_quote: &'static str,
    /// What the dataset shows for context.
    story_hunan_ties_terms: &'static str,
    /// Claim.
    story_hunan_bri_quote: &'static str,
    /// What the dataset shows for context.
    story_hunan_bri_terms: &'static str,
    /// Jinan report (2023): its title (the report is in English).
    story_jinan_2023_title: &'static str,
    /// Jinan report: its date and source line, as it gives them.
    story_jinan_2023_source: &'static str,
    /// Claim.
    story_jinan_partners_quote: &'static str,
    /// What the dataset counts for the claim.
    story_jinan_partners_terms: &'static str,
    /// Claim.
    story_licheng_cegled_quote: &'static str,
    /// What the dataset checks for the claim.
    story_licheng_cegled_terms: &'static str,
    /// SCO forum report: its title (the report is in English).
    story_sco_2021_title: &'static str,
    /// SCO forum report: its date as it gives it, and what it leaves out.
    story_sco_2021_source: &'static str,
    /// Claim.
    story_china_total_quote: &'static str,
    /// What the dataset counts for the claim.
    story_china_total_terms: &'static str,
    /// Claim.
    story_china_sco_quote: &'static str,
    /// What the dataset counts for the claim.
    story_china_sco_terms: &'static str,
    /// The other reading of the claim, before its figures.
    story_china_sco_also: &'static str,
    /// Claim.
    story_forum_signings_quote: &'static str,
    /// What the dataset checks for the claim.
    story_forum_signings_terms: &'static str,
    /// Before a quote in the report's own language (with the space that follows it, if any).
    story_original: &'static str,
    /// Under a report in the other language: quotes are translated.
    story_our_translation: &'static str,
    /// Under a report that gives its own version in the UI language.
    story_own_version: &'static str,
    /// Before a report's title given only in the UI's other language, when the report itself
    /// is in the UI language (its title is not the original of its text).
    story_title_only_other: &'static str,
    /// Label before the dataset's answer (with the space that follows it, if any).
    story_dataset: &'static str,
    /// Link to the view of a claim.
    story_show: &'static str,
    /// A claim's pair that is not in the data.
    story_not_found: &'static str,
    /// The figures of a claim: {pairs} and {countries}.
    story_pairs_countries: &'static str,
    /// Partners counted: {partners} in {countries}, in {pairs}.
    story_partners_answer: &'static str,
    /// Continents counted: {figures}, {continents}: {list}.
    story_continents_answer: &'static str,
    /// A text followed by a list: {text}, {list}.
    story_list_after: &'static str,
    /// Countries of the claim with no tie: {list}.
    story_none_with: &'static str,
    /// What was not counted, as the ties stood on the claim's day: {date}, {items}.
    story_apart: &'static str,
    /// Continents only ties with no known year add: {list}.
    story_undated_continents: &'static str,
    /// One pair of a claim: {home}, {partner}, {country}, {type}, {date}.
    story_pair_line: &'static str,
    /// The pair is the earliest of {place}.
    story_earliest: &'static str,
    /// An earlier pair of the place: {pair}.
    story_not_earliest: &'static str,
    /// Another reading of a claim: {label} {figures}.
    story_also_line: &'static str,
    /// A count that finds no tie.
    story_no_ties: &'static str,
    /// Two sentences one after the other: {first}, {second}.
    story_two_sentences: &'static str,
    /// Two parts of an answer: {first}, {second}.
    story_then: &'static str,
    /// Between items of a list.
    list_separator: &'static str,
    /// Between two clauses of one sentence ("…; …" / "…；…").
    clause_separator: &'static str,
    /// Before the last item of a list.
    list_last: &'static str,
    /// Before the last of alternatives in a list ("Kazakhstan or Tajikistan").
    list_last_or: &'static str,
    /// Between the items of a list that may hold commas.
    item_separator: &'static str,
    /// Pairs counted for a claim.
    story_pairs: Plural,
    /// Letters of intent counted for a claim.
    story_intents: Plural,
    /// Countries counted for a claim.
    story_countries: Plural,
    /// Partner places counted for a claim.
    story_partners: Plural,
    /// Continents counted for a claim.
    story_continents: Plural,
    /// Not counted: with no known year.
    /// Not counted: dated only to a period containing {date} ({what}).
    story_apart_straddling: &'static str,
    /// Not counted: ended at an unknown date ({what}).
    story_apart_end_unknown: &'static str,
    /// A number of pairs counted apart when the count takes every kind (the {what} of the
    /// groups above): "6" / "6对".
    apart_pairs: Plural,
    /// Intro of the stories tab.
    stories_intro: &'static str,
    /// Column: Chinese place.
    col_chinese_place: &'static str,
    /// Column: country.
    col_country: &'static str,
    /// Rows in the table.
    n_rows: Plural,
    /// Export group.
    export_label: &'static str,
    /// Export CSV.
    export_csv: &'static str,
    /// Export JSON.
    export_json: &'static str,
    /// Export GeoJSON.
    export_geojson: &'static str,
    /// Table caption.
    table_caption: &'static str,
    /// Row button.
    show_on_map: &'static str,
    /// Pager label.
    pages: &'static str,
    /// Previous page.
    previous_page: &'static str,
    /// Next page.
    next_page: &'static str,
    /// Pager: the first page.
    first_page: &'static str,
    /// Pager: the last page.
    last_page: &'static str,
    /// Table on a phone: sort by any column.
    sort_by: &'static str,
    /// Table on a phone: a row's other facts (button).
    row_more: &'static str,
    /// Table on a phone: a row's other facts, named ({pair}).
    row_more_about: &'static str,
    /// Page indicator.
    page_of: &'static str,
    /// Export footer: source.
    export_source: &'static str,
    /// Export footer: link.
    export_permalink: &'static str,
    /// Export PNG.
    export_png: &'static str,
    /// Export SVG.
    export_svg: &'static str,
    /// Chart data table toggle.
    chart_data: &'static str,
    /// Filter button.
    filter_action: &'static str,
    /// Filter button label.
    filter_by: &'static str,
    /// A profile names something not in the data.
    not_in_data: &'static str,
    /// Timeline label.
    timeline_label: &'static str,
    /// Timeline as a list.
    timeline_list: &'static str,
    /// Division code.
    division_code: &'static str,
    /// Profile section.
    profile_timeline: &'static str,
    /// Profile section.
    profile_by_country: &'static str,
    /// Profile section.
    profile_by_type: &'static str,
    /// Profile section.
    profile_reported: &'static str,
    /// BRI status.
    bri_since: &'static str,
    /// BRI status with exit.
    bri_since_exit: &'static str,
    /// No BRI document.
    bri_none: &'static str,
    /// No SCO status.
    sco_none: &'static str,
    /// Province unknown.
    unknown_province: &'static str,
    /// Filter to a country.
    filter_to_country: &'static str,
    /// Profile section.
    profile_by_province: &'static str,
    /// Profile section.
    profile_places: &'static str,
    /// Encoding notice.
    decoded_gb18030: &'static str,
    /// A dropped or linked file was the national registry's answer.
    read_as_registry: &'static str,
    /// A dropped or linked file was a spreadsheet workbook (.xlsx, .xls): which sheet was read.
    read_as_workbook: &'static str,
    /// Own data: the paste box's label.
    paste_label: &'static str,
    /// The mapping step's title.
    columns_title: &'static str,
    /// The mapping step's help (`{name}`: the file).
    columns_help: &'static str,
    /// Required roles no column plays (`{roles}`).
    columns_missing: &'static str,
    /// Roles more than one column could play (`{roles}`).
    columns_doubtful: &'static str,
    /// A column not used.
    column_unused: &'static str,
    /// A column's choice, for its label (`{n}`, `{header}`).
    column_choice: &'static str,
    /// Own data: the button that loads pasted rows.
    paste_load: &'static str,
    /// Own data: the name pasted rows are shown under.
    pasted_name: &'static str,
    /// Compare card: title.
    compare_title: &'static str,
    /// Compare card: what it compares.
    compare_help: &'static str,
    /// Compare card: ties only in the user's list.
    compare_only_list: Plural,
    /// Compare card: ties only in the public dataset.
    compare_only_public: Plural,
    /// Compare card: ties in both that differ.
    compare_differ: Plural,
    /// Compare card: ties in both that agree.
    compare_same: Plural,
    /// Compare card: download button.
    compare_download: &'static str,
    /// A file could not be read.
    file_unreadable: &'static str,
    /// A download (export) could not be started: `{name}`.
    download_failed: &'static str,
    /// A basemap file is damaged: `{detail}` (technical).
    basemap_damaged: &'static str,
    /// Closes a message.
    dismiss_message: &'static str,
    /// The selection sheet's handle: make it taller.
    sheet_expand: &'static str,
    /// The selection sheet's handle: make it shorter.
    sheet_collapse: &'static str,
    /// Prints the current view.
    print: &'static str,
    /// Opens the filter drawer (no filter set).
    filters_button: &'static str,
    /// Opens the filter drawer: `{n}` filters set.
    filters_button_count: &'static str,
    /// Closes the filter drawer, showing the result: `{pairs}` ("312 pairs").
    show_results: &'static str,
    /// Opens the map's options on small screens.
    map_options: &'static str,
    /// Printed page: `{shown}` first rows of `{total}`.
    print_rows: &'static str,
    /// The page title with what it shows: `{scope}`.
    title_with_scope: &'static str,
    /// Data origin.
    origin_bundled: &'static str,
    /// Data origin.
    origin_url: &'static str,
    /// Data origin.
    origin_file: &'static str,
    /// Attribution heading.
    attribution_title: &'static str,
    /// Basemap attribution.
    basemap_attribution: &'static str,
    /// The published lists that name foreign places in Chinese (Who's On First requires its
    /// attribution), shown with the bundled dataset.
    names_attribution: &'static str,
    /// Own data heading.
    own_data_title: &'static str,
    /// Own data help.
    own_data_help: &'static str,
    /// File picker.
    choose_file: &'static str,
    /// Drop hint.
    or_drop: &'static str,
    /// A picked list being read (`{name}`).
    reading_file: &'static str,
    /// Template link.
    download_template: &'static str,
    /// Fallback notice.
    showing_bundled: &'static str,
    /// Validation report heading.
    report_title: &'static str,
    /// What a loaded file holds: {pairs}, {sources}, the {places} it lists and the
    /// {tied_places} of them in a partnership, the {countries} it lists and the
    /// {tied_countries} of them home to a partner.
    report_counts: &'static str,
    /// Data tab: {n} pairs are disputed.
    report_disputed: &'static str,
    /// No problems.
    report_clean: &'static str,
    /// Official figures heading.
    reported_title: &'static str,
    /// Column: scope.
    col_scope: &'static str,
    /// Column: date.
    col_date: &'static str,
    /// Column: what is counted.
    col_counts: &'static str,
    /// Column: an official figure's number, in its own unit (pairs, cities, …).
    col_number: &'static str,
    /// Column: countries.
    col_countries: &'static str,
    /// Sources heading.
    n_sources: Plural,
    /// Footer attribution line.
    footer_attribution: &'static str,
    /// Footer link.
    footer_more: &'static str,
    /// A number of pairs of any kind (zh: a general word, never 友城).
    n_pairs_phrase: Plural,
    /// A number of pairs of formal friendship cities only (zh: 友好城市).
    n_formal_pairs_phrase: Plural,
    /// A number of countries.
    n_countries_phrase: Plural,
    /// Reported figure kind: every relationship.
    reported_kind_all: &'static str,
    /// Reported figure kind: formal sister cities.
    reported_kind_sister: &'static str,
    /// Reported figure kind: friendly-cooperation partners.
    reported_kind_friendly: &'static str,
    /// Reported figure kind: letters of intent.
    reported_kind_intent: &'static str,
    /// Reported figure kind: approved, to be signed.
    reported_kind_approved: &'static str,
    /// Reported figure kind: places in contact.
    reported_kind_contact: &'static str,
    /// Short name of the Belt and Road Initiative.
    bri_short: &'static str,
    /// Scope of a national figure.
    scope_national: &'static str,
    /// A number of places.
    n_places_phrase: Plural,
    /// How many records loading skipped.
    n_records_skipped: Plural,
    /// How many records were kept without a bad value.
    n_values_dropped: Plural,
    /// The problems of a loaded file, when there are any: {list} (records skipped, records
    /// kept with a bad value left out).
    report_problems: &'static str,
    /// Link from an embedded view to the full app (opens a new tab).
    open_full_view: &'static str,
}
