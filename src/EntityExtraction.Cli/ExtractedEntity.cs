namespace EntityExtraction.Cli;

/// <summary>An entity as <c>extract</c> writes it: UTF-16 span <c>[Start, End)</c>, type, who found it, confidence.</summary>
internal readonly record struct ExtractedEntity(int Start, int End, EntityType Type, string Source, float Confidence);
