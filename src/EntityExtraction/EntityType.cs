namespace EntityExtraction;

/// <summary>The kinds of named entity the library recognises.</summary>
public enum EntityType
{
    /// <summary>A person (PER): "Sylvain Rolland", "Mme Dupont".</summary>
    Person,

    /// <summary>An organisation (ORG): companies, institutions, bodies, clubs, media, parties.</summary>
    Organization,

    /// <summary>A place (LOC): countries, regions, cities, geographic features, addresses.</summary>
    Location,
}
