namespace EntityExtraction.Rendering;

/// <summary>
/// The colours and the stylesheet of the HTML view. Every text colour is paired with the background it is read on,
/// and each pair reaches WCAG AA's 4.5:1 contrast for normal text (a test computes it from the page's stylesheet). The type
/// is never told by colour alone: each highlighted entity carries its label (PER, ORG, LOC).
/// </summary>
internal static class EntityHtmlStyles
{
    private const string Ink = "#1a1a1a";
    private const string Paper = "#ffffff";
    private const string Muted = "#4b5563";
    private const string Stripe = "#f3f4f6";
    private const string Header = "#e5e7eb";

    /// <summary>An entity type's class suffix and colours: the highlighted text's background, and the label's.</summary>
    internal readonly record struct TypeColours(EntityType Type, string Background, string LabelBackground)
    {
        public string Class => Type.ToCode().ToLowerInvariant();
    }

    internal static readonly TypeColours[] Types =
    [
        new(EntityType.Person, Background: "#dbeafe", LabelBackground: "#1d4ed8"),       // blue
        new(EntityType.Organization, Background: "#ffedd5", LabelBackground: "#9a3412"), // orange
        new(EntityType.Location, Background: "#d1fae5", LabelBackground: "#065f46"),     // green
    ];

    internal static TypeColours For(EntityType type) => Array.Find(Types, t => t.Type == type);

    /// <summary>The fragment's stylesheet: every selector is below <c>.ee-entities</c>, so it styles nothing else.</summary>
    internal static readonly string Fragment = string.Concat(
        $".ee-entities{{color:{Ink};background:{Paper};font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;line-height:1.5}}\n",
        ".ee-entities .ee-legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;margin:0 0 1em;padding:0;list-style:none}\n",
        ".ee-entities .ee-legend li{margin:0}\n",
        ".ee-entities .ee-text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.2;margin:0 0 1.5em}\n",
        // An entity is one box, so that its label never wraps away from it; a long one wraps inside its box.
        ".ee-entities .ee-ent,.ee-entities .ee-swatch{padding:.1em .25em;border-radius:.3em}\n",
        ".ee-entities .ee-ent{display:inline-block;line-height:1.5}\n",
        ".ee-entities .ee-label{display:inline-block;margin-left:.35em;padding:0 .3em;border-radius:.25em;font-size:.7em;font-weight:700;",
        "line-height:1.6;letter-spacing:.04em;vertical-align:.1em;white-space:nowrap;user-select:none;-webkit-user-select:none}\n",
        ".ee-entities td .ee-label{margin-left:0}\n",
        string.Concat(Types.Select(t =>
            $".ee-entities .ee-{t.Class}{{background:{t.Background};color:{Ink}}}\n" +
            $".ee-entities .ee-label-{t.Class}{{background:{t.LabelBackground};color:{Paper}}}\n")),
        ".ee-entities .ee-table{border-collapse:collapse;font-size:.9em;min-width:60%}\n",
        $".ee-entities .ee-table caption{{text-align:left;color:{Muted};padding:0 0 .4em}}\n",
        $".ee-entities .ee-table th{{background:{Header};color:{Ink};text-align:left;font-weight:600}}\n",
        ".ee-entities .ee-table th,.ee-entities .ee-table td{padding:.25em .7em;vertical-align:top}\n",
        $".ee-entities .ee-table tbody tr:nth-child(even){{background:{Stripe}}}\n",
        ".ee-entities .ee-num{text-align:right;font-variant-numeric:tabular-nums}\n",
        $".ee-entities .ee-none{{color:{Muted}}}\n");

    /// <summary>The page's own stylesheet, around the fragments (below <c>.ee-page</c>).</summary>
    internal static readonly string Page = string.Concat(
        $"body.ee-page{{margin:0;background:{Paper};color:{Ink};color-scheme:light}}\n",
        ".ee-page main{max-width:60em;margin:0 auto;padding:1.5em 1.5em 3em;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif}\n",
        ".ee-page h1{font-size:1.5em;margin:0 0 1em}\n",
        $".ee-page .ee-doc{{border-top:1px solid {Header};padding-top:1em;margin-top:2em}}\n",
        ".ee-page .ee-doc h2{font-size:1.15em;margin:0 0 .8em;overflow-wrap:anywhere}\n",
        $".ee-page .ee-summary{{color:{Muted};margin-top:2em}}\n");
}
