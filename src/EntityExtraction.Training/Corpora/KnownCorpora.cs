namespace EntityExtraction.Training.Corpora;

/// <summary>
/// The licences of the annotated corpora in <c>../shared/data/ner</c> and of the unlabelled text in <c>../shared/data/unlabelled</c>, by file name, as its README states them: what a
/// model trained on them records about its data (<see cref="ModelInfo.DataLicence"/>).
/// </summary>
public static class KnownCorpora
{
    private static readonly (string File, string Licence)[] Licences =
    [
        ("winer.jsonl", "WiNER-fr (Wikinews text CC BY 2.5, annotations CC BY 4.0)"),
        ("news-fr-written.jsonl", "news-fr-written (MIT)"),
        ("wikiann.conll", "WikiANN (licence not stated by the source)"),
        ("europeana.conll", "Europeana Newspapers (CC0)"),
        ("sequoia.conll", "Sequoia (LGPL-LR)"),
        ("newseye.conll", "NewsEye/HIPE-2022 (CC BY 4.0)"),
        ("debats-2013-2018.txt", "Assemblée nationale debates, via Common Voice FR (CC0, with attribution)"),
    ];

    /// <summary>The licence statement of a training file, or a statement that it is not known.</summary>
    public static string LicenceOf(string path)
    {
        string name = Path.GetFileName(path);
        foreach (var (file, licence) in Licences)
        {
            if (string.Equals(file, name, StringComparison.OrdinalIgnoreCase)) return licence;
        }
        return $"{name} (licence unknown: see its own terms)";
    }
}
