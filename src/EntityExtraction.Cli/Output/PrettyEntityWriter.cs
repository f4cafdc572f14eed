using System.Globalization;
using System.Text;
using EntityExtraction;

namespace EntityExtraction.Cli.Output;

/// <summary>
/// Writes a text with its entities highlighted by type, then a summary table (entity, type, source,
/// confidence, occurrences). The input's own text goes through <see cref="TerminalText"/>: only this writer's
/// colour codes reach the terminal.
/// </summary>
internal sealed class PrettyEntityWriter(TextWriter writer, bool useColour)
{
    private const string Reset = "\u001b[0m";

    /// <summary>Colour by default only on a terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public static bool ShouldUseColour() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Write(string text, IReadOnlyList<Entity> entities)
    {
        WriteLegend();
        WriteHighlighted(text, entities);
        writer.WriteLine();
        WriteSummary(entities);
    }

    public void WriteLegend()
    {
        writer.Write("Legend: ");
        foreach (var type in Enum.GetValues<EntityType>())
        {
            string label = $"{EntityTypeCodes.ToCode(type)} = {TypeName(type)}";
            if (type != default)
                writer.Write(", ");
            writer.Write(useColour ? Highlight(label, type) : label);
        }
        writer.WriteLine(useColour ? "" : "; entities are written [text]TYPE");
        writer.WriteLine();
    }

    public void WriteHighlighted(string text, IReadOnlyList<Entity> entities)
    {
        int position = 0;
        foreach (var entity in entities)
        {
            WriteEntity(text.AsSpan(position, entity.Start - position), entity);
            position = entity.End;
        }
        WriteText(text.AsSpan(position));
        EndText(text.Length > 0 ? text[^1] : -1);
    }

    /// <summary>Writes the text before an entity, then the entity highlighted.</summary>
    public void WriteEntity(ReadOnlySpan<char> before, Entity entity)
    {
        TerminalText.Write(writer, before);
        writer.Write(Highlight(TerminalText.Safe(entity.Text), entity.Type));
    }

    /// <summary>Writes text that holds no entity.</summary>
    public void WriteText(ReadOnlySpan<char> text) => TerminalText.Write(writer, text);

    /// <summary>Ends the highlighted text with a line break, unless its last character (-1: none) was one.</summary>
    public void EndText(int lastCharacter)
    {
        if (lastCharacter is not (-1 or '\n'))
            writer.WriteLine();
    }

    public void WriteSummary(IReadOnlyList<Entity> entities)
    {
        var summary = new EntitySummary();
        foreach (var entity in entities)
            summary.Add(entity);
        WriteSummary(summary);
    }

    public void WriteSummary(EntitySummary summary)
    {
        var rows = summary.Rows;
        int entityWidth = Math.Max("Entity".Length, rows.Count == 0 ? 0 : rows.Max(r => DisplayName(r.Text, r.Canonical).Length));
        string header = $"{"Entity".PadRight(entityWidth)}  Type  Source             Conf.  Occurrences";
        writer.WriteLine(header);
        writer.WriteLine(new string('-', header.Length));
        foreach (var row in rows)
        {
            string name = DisplayName(row.Text, row.Canonical).PadRight(entityWidth);
            string source = row.FromModel && row.FromGazetteer ? "model+gazetteer" : SourceLabel(row.FromModel ? EntitySource.Model : EntitySource.Gazetteer);
            writer.Write(useColour ? Highlight(name, row.Type) : name);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {EntityTypeCodes.ToCode(row.Type),-4}  {source,-17}  {row.Confidence,5:0.00}  {row.Count,11}"));
        }
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Mentions} mentions, {rows.Count} distinct: {string.Join(", ", Enum.GetValues<EntityType>().Select(t => $"{summary.MentionsOf(t)} {EntityTypeCodes.ToCode(t)}"))}; " +
            $"{summary.FromGazetteer} from the gazetteer."));
    }

    private static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organisation",
        _ => "place",
    };

    public static string SourceLabel(EntitySource source) => source == EntitySource.Model ? "model" : "gazetteer";

    private static string DisplayName(string text, string? canonical) =>
        TerminalText.Safe(canonical is null ? text : $"{text} (= {canonical})");

    private string Highlight(string value, EntityType type)
    {
        if (!useColour)
            return $"[{value}]{EntityTypeCodes.ToCode(type)}";
        string colour = type switch
        {
            EntityType.Person => "\u001b[1;36m",       // bold cyan
            EntityType.Organization => "\u001b[1;33m", // bold yellow
            _ => "\u001b[1;35m",                       // bold magenta
        };
        return new StringBuilder(colour.Length + value.Length + Reset.Length).Append(colour).Append(value).Append(Reset).ToString();
    }
}

/// <summary>
/// The summary table's rows, gathered entity by entity (a streamed text's entities are not kept): one row per name
/// and type, in the order of their first mention, with the sources that found it, its highest confidence, the first
/// canonical name that differs from the text, and its number of mentions.
/// </summary>
internal sealed class EntitySummary
{
    private readonly Dictionary<(string Text, EntityType Type), Row> _index = [];
    private readonly int[] _byType = new int[Enum.GetValues<EntityType>().Length];

    public sealed class Row(string text, EntityType type)
    {
        public string Text { get; } = text;

        public EntityType Type { get; } = type;

        public bool FromModel { get; set; }

        public bool FromGazetteer { get; set; }

        public float Confidence { get; set; } = float.MinValue;

        public string? Canonical { get; set; }

        public int Count { get; set; }
    }

    public List<Row> Rows { get; } = [];

    public int Mentions { get; private set; }

    public int FromGazetteer { get; private set; }

    public int MentionsOf(EntityType type) => _byType[(int)type];

    public void Add(Entity entity)
    {
        if (!_index.TryGetValue((entity.Text, entity.Type), out var row))
        {
            row = new Row(entity.Text, entity.Type);
            _index.Add((entity.Text, entity.Type), row);
            Rows.Add(row);
        }
        row.Count++;
        row.Confidence = Math.Max(row.Confidence, entity.Confidence);
        if (entity.Source == EntitySource.Model) row.FromModel = true;
        else row.FromGazetteer = true;
        if (row.Canonical is null && entity.CanonicalName is not null && entity.CanonicalName != entity.Text)
            row.Canonical = entity.CanonicalName;
        Mentions++;
        _byType[(int)entity.Type]++;
        if (entity.Source == EntitySource.Gazetteer) FromGazetteer++;
    }
}
