using System.Reflection;

namespace EntityExtraction.Data;

/// <summary>Where the library finds its embedded data: this assembly's manifest resources.</summary>
internal static class EmbeddedResources
{
    /// <summary>The assembly that holds the default model, gazetteer and common-word lexicon.</summary>
    public static Assembly Assembly => typeof(EmbeddedResources).Assembly;
}
