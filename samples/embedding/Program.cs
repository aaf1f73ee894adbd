// Embedding the EdgeML runtime in an application: load a compiled model, look up its input and
// output by name, write the input in place, run, read the output in place. After the first run
// nothing here allocates, so the loop can run on a device for as long as it likes.
//
//   dotnet run --project samples/embedding -- model.edgeml
using System.Diagnostics;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: embedding MODEL.edgeml");
    return 2;
}

try
{
    using var session = InferenceSession.Open(args[0]);
    foreach (var i in session.Inputs) Console.WriteLine($"input  {i}");
    foreach (var o in session.Outputs) Console.WriteLine($"output {o}");

    // Give every input a shape (symbolic dimensions set to 1 here) and fill it with a ramp.
    for (int k = 0; k < session.Inputs.Count; k++)
    {
        var info = session.Inputs[k];
        var shape = info.Shape!.Select(d => d.IsFixed ? d.Size : 1).ToArray();
        var input = session.Input(k);
        input.Allocate(info.Type, shape);
        if (info.Type == DataType.Float)
        {
            var span = input.Span<float>();
            for (int i = 0; i < span.Length; i++) span[i] = (i % 255) / 255f;
        }
        else input.Bytes.Clear();
    }

    session.Run();
    var times = new double[50];
    for (int r = 0; r < times.Length; r++)
    {
        var sw = Stopwatch.StartNew();
        session.Run();
        times[r] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);

    for (int k = 0; k < session.Outputs.Count; k++)
    {
        var output = session.Output(k);
        string values = output.Type == DataType.Float
            ? string.Join(", ", output.ReadOnlySpan<float>()[..Math.Min(5, (int)output.Length)].ToArray())
            : $"{output.Length} values";
        Console.WriteLine($"{session.Outputs[k].Name} {Tensor.ShapeText(output.Shape)}: {values}");
    }
    Console.WriteLine($"median latency {times[times.Length / 2]:F3} ms over {times.Length} runs");
    return 0;
}
catch (EdgeMLException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
