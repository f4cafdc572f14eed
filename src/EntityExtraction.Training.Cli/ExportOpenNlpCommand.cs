using System.CommandLine;
using System.Text;
using EntityExtraction.Cli;
using EntityExtraction.Model;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Cli;

/// <summary>
/// <c>export-opennlp FILE... --out FILE</c>: writes training files in Apache OpenNLP's name-finder format (one
/// sentence a line, tokens separated by spaces, names as <c>&lt;START:per&gt; … &lt;END&gt;</c>), so that the peer of the
/// whole-process benchmark (<c>opennlp TokenNameFinderTrainer</c>) learns from exactly the sentences our model
/// learns from: CoNLL files on their gold tokens, JSONL files tokenized by our tokenizer.
/// </summary>
internal static class ExportOpenNlpCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "CoNLL or JSONL training files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "OpenNLP training file to write.", Required = true };
        var command = new Command("export-opennlp", "Write training files in OpenNLP's name-finder format (for the whole-process benchmark's peer).") { files, output };
        command.SetAction(parse => CommandErrors.Run("export-opennlp", () =>
        {
            string path = parse.GetValue(output)!;
            int sentences = 0;
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
            foreach (string file in parse.GetValue(files)!)
            {
                if (!File.Exists(file)) throw new FileNotFoundException($"Training file '{file}' does not exist.", file);
                foreach (var sentence in TrainingCorpus.ReadFile(file))
                {
                    writer.WriteLine(Format(sentence));
                    sentences++;
                }
            }
            Console.Error.WriteLine($"wrote {path}: {sentences:N0} sentences");
            return 0;
        }));
        return command;
    }

    /// <summary>One sentence in OpenNLP's format; spaces inside a token (never in our tokens, rare in CoNLL) become underscores.</summary>
    internal static string Format(TaggedSentence sentence)
    {
        var labels = LabelSet.Standard;
        var line = new StringBuilder();
        bool open = false;
        for (int i = 0; i < sentence.Words.Length; i++)
        {
            int label = sentence.Labels[i];
            var part = labels.PartOf(label);
            if (open && part != LabelPart.Inside)
            {
                line.Append(" <END>");
                open = false;
            }
            if (line.Length > 0) line.Append(' ');
            if (part == LabelPart.Begin || (part == LabelPart.Inside && !open))
            {
                line.Append("<START:").Append(EntityTypeCodes.ToCode(labels.Types[labels.TypeIndexOf(label)]).ToLowerInvariant()).Append("> ");
                open = true;
            }
            line.Append(sentence.Words[i].Replace(' ', '_'));
        }
        if (open) line.Append(" <END>");
        return line.ToString();
    }
}
