using System.Globalization;
using EmergencyWorkflows.Bench;

// Durable starts and resumes per second for start → RunTask → end, side by side in one run with WorkflowCore
// (in-memory store) and this machine's raw durable SQLite commit rate. Usage: dotnet run -c Release --project
// bench/EmergencyWorkflows.Bench [-- --count N --callers C --synchronous FULL|NORMAL]
// Timers instead: [-- --timers --count 10000 --spread 5 --lead 10 (--lateness-only | --catch-up-only)]
// (lateness vs Hangfire's defaults, restart catch-up).
var count = Option("--count", 3000);
var callers = Option("--callers", 8);
var synchronous = OptionText("--synchronous", "FULL");
var folder = Directory.CreateTempSubdirectory("ew-bench-").FullName;
if (args.Contains("--timers"))
{
    try
    {
        await TimerBench.RunAsync(folder, Option("--count", 10_000),
            TimeSpan.FromSeconds(Option("--spread", 5)), TimeSpan.FromSeconds(Option("--lead", 10)),
            lateness: !args.Contains("--catch-up-only"), catchUp: !args.Contains("--lateness-only"));
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }

    return;
}

try
{
    Console.WriteLine($"EmergencyWorkflows benchmark: {count} instances, {callers} concurrent callers, SQLite synchronous={synchronous}, {Environment.ProcessorCount} cores");

    var raw = RawSqliteBench.CommitsPerSecond(folder, count, synchronous);
    var (wcStarts, wcResumes) = await WorkflowCoreBench.RunAsync(count);
    if (args.Contains("--breakdown"))
    {
        await Breakdown.RunAsync(folder, Math.Min(count, 1000), synchronous);
    }

    if (args.Contains("--engine-only"))
    {
        var (memStarts, memResumes) = await OurRuntimeBench.RunAsync(folder, count, 1, "MEMORY");
        Console.WriteLine($"engine with in-memory stores, 1 caller: starts {memStarts:N0}/s, resumes {memResumes:N0}/s");
    }

    var (ourStarts1, ourResumes1) = await OurRuntimeBench.RunAsync(folder, count, 1, synchronous);
    var (ourStarts, ourResumes) = await OurRuntimeBench.RunAsync(folder, count, callers, synchronous);

    Console.WriteLine();
    Console.WriteLine($"{"measure",-58} {"per second",12}");
    Row("raw SQLite durable single-row commits (1 writer)", raw);
    Row("WorkflowCore 3.22.0 in-memory: starts", wcStarts);
    Row("WorkflowCore 3.22.0 in-memory: resumes", wcResumes);
    Row("EmergencyWorkflows on SQLite, 1 caller: durable starts", ourStarts1);
    Row("EmergencyWorkflows on SQLite, 1 caller: durable resumes", ourResumes1);
    Row($"EmergencyWorkflows on SQLite, {callers} callers: durable starts", ourStarts);
    Row($"EmergencyWorkflows on SQLite, {callers} callers: durable resumes", ourResumes);
    Console.WriteLine();
    Console.WriteLine($"ratio ours/WorkflowCore starts  : {ourStarts / wcStarts:0.00}x (1 caller: {ourStarts1 / wcStarts:0.00}x)  target >= 3x");
    Console.WriteLine($"ratio ours/WorkflowCore resumes : {ourResumes / wcResumes:0.00}x (1 caller: {ourResumes1 / wcResumes:0.00}x)  target >= 3x");
    Console.WriteLine($"ratio ours starts / raw commits : {ourStarts / raw:0.00}x");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static void Row(string label, double value) =>
    Console.WriteLine($"{label,-58} {value,12:N0}");
