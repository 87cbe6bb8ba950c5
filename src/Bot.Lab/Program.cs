Console.Error.WriteLine("The lab's command line is not wired yet.");
return 2;
