using Bot.ClusterBench;

var iterations = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 20;
return await ClusterBench.RunAsync(iterations, Console.Out);
