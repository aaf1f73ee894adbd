using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.TestSupport;

/// <summary>One input of a shared model: its name, type, concrete shape and how to fill it.</summary>
public sealed record ModelInput(string Name, DataType Type, long[] Shape, Action<Tensor, Random> Fill);

/// <summary>
/// The real models of ../shared/models with the input shapes and values their README gives:
/// the standing correctness and benchmark set.
/// </summary>
public static class SharedModelCatalog
{
    public static readonly string[] Names =
    [
        "blazeface_front_128", "ppocr_v4_rec", "ppocr_mobile_v2_cls", "silero_vad_v4",
        "oww_melspectrogram", "oww_embedding", "oww_hey_mycroft",
    ];

    public static string PathOf(string name) => TestPaths.SharedPath("models", name + ".onnx");

    public static ModelInput[] Inputs(string name) => name switch
    {
        "blazeface_front_128" => [Floats("input:0", [1, 128, 128, 3], 0, 1)],
        "ppocr_v4_rec" => [Floats("x", [1, 3, 48, 320], -1, 1)],
        "ppocr_mobile_v2_cls" => [Floats("x", [1, 3, 48, 192], -1, 1)],
        "silero_vad_v4" =>
        [
            Floats("input", [1, 512], -1, 1),
            new ModelInput("sr", DataType.Int64, [], (t, _) => t.Span<long>()[0] = 16000),
            Floats("h", [2, 1, 64], -1, 1),
            Floats("c", [2, 1, 64], -1, 1),
        ],
        "oww_melspectrogram" => [Floats("input", [1, 1760], -1, 1)],
        "oww_embedding" => [Floats("input_1", [1, 76, 32, 1], -1, 1)],
        "oww_hey_mycroft" => [Floats("onnx::Flatten_0", [1, 16, 96], -1, 1)],
        _ => throw new ArgumentException($"unknown model {name}"),
    };

    /// <summary>Input tensors filled from a fixed seed.</summary>
    public static Dictionary<string, Tensor> MakeInputs(string name, int seed = 1)
    {
        var rng = new Random(seed);
        var result = new Dictionary<string, Tensor>();
        foreach (var input in Inputs(name))
        {
            var t = new Tensor(input.Name);
            t.Allocate(input.Type, input.Shape);
            input.Fill(t, rng);
            result[input.Name] = t;
        }
        return result;
    }

    /// <summary>Values for the model's symbolic input dimensions, read off the concrete input shapes.</summary>
    public static Dictionary<string, long> Dims(string name)
    {
        var ir = OnnxImporter.LoadFile(PathOf(name));
        var dims = new Dictionary<string, long>();
        foreach (var input in Inputs(name))
        {
            var declared = ir.Graph.Inputs.FirstOrDefault(v => v.Name == input.Name)?.Shape;
            if (declared == null) continue;
            for (int d = 0; d < declared.Length && d < input.Shape.Length; d++)
                if (!declared[d].IsFixed && declared[d].Symbol is { } s) dims[s] = input.Shape[d];
        }
        return dims;
    }

    private static ModelInput Floats(string name, long[] shape, float lo, float hi)
        => new(name, DataType.Float, shape, (t, rng) =>
        {
            foreach (ref var x in t.Span<float>()) x = lo + (float)rng.NextDouble() * (hi - lo);
        });
}
