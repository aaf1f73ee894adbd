System.Console.WriteLine("edgeml");
