using EntityExtraction.Fuzzing;
using SharpFuzz;

// Usage: EntityExtraction.Fuzzing TARGET          run TARGET under afl-fuzz (see run.sh)
//        EntityExtraction.Fuzzing TARGET FILE...  run TARGET once on each FILE (replays a crash)
//        EntityExtraction.Fuzzing --seeds FOLDER  write the seed corpus from the current formats
if (args.Length == 2 && args[0] == "--seeds")
{
    Seeds.Write(args[1]);
    return 0;
}
if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: EntityExtraction.Fuzzing ({string.Join("|", Targets.All.Keys)}) [FILE...] | --seeds FOLDER");
    return 2;
}
if (args.Length > 1)
{
    foreach (string file in args[1..])
    {
        using var stream = File.OpenRead(file);
        target(stream);
        Console.WriteLine($"{file}: no crash");
    }
    return 0;
}
Fuzzer.OutOfProcess.Run(stream => target(stream));
return 0;
