Console.WriteLine("schoolsight");
