using Bot.ClusterBench;

// bench [iterations]: the volume+GC steps on their own, then the seed incident from run link to diagnosis.
var iterations = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 20;
var steps = await ClusterBench.RunAsync(iterations, Console.Out);
Console.WriteLine();
return steps != 0 ? steps : await SeedWalkBench.RunAsync(iterations, Console.Out);
