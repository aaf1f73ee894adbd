using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>Synthetic inputs for the shape probe: floats in [0, 1) from a fixed seed, zeros for
/// integers and booleans (always valid as indices), dimensions from the compile options.</summary>
internal static class ProbeInputs
{
    public static bool Fill(InferenceSession session, PassContext context)
    {
        var rng = new Random(1234);
        for (int k = 0; k < session.Inputs.Count; k++)
        {
            var info = session.Inputs[k];
            if (info.Kind != ValueKind.Tensor || info.Shape == null || info.Type == DataType.Undefined)
            {
                context.Warnings.Add($"input '{info.Name}' has no declared tensor type and shape; the memory plan is left to run time");
                return false;
            }
            var shape = new long[info.Shape.Length];
            for (int d = 0; d < shape.Length; d++)
            {
                var dim = info.Shape[d];
                if (dim.IsFixed) shape[d] = dim.Size;
                else if (dim.Symbol != null && context.Options.Dims.TryGetValue(dim.Symbol, out var size)) shape[d] = size;
                else shape[d] = 1;
            }
            var t = session.Input(k);
            t.Allocate(info.Type, shape);
            Fill(t, rng);
        }
        return true;
    }

    private static void Fill(Tensor t, Random rng)
    {
        switch (t.Type)
        {
            case DataType.Float: foreach (ref var x in t.Span<float>()) x = (float)rng.NextDouble(); break;
            case DataType.Double: foreach (ref var x in t.Span<double>()) x = rng.NextDouble(); break;
            case DataType.Float16: foreach (ref var x in t.Span<Half>()) x = (Half)rng.NextDouble(); break;
            case DataType.String: t.Strings.Fill(""); break;
            default: t.Bytes.Clear(); break;
        }
    }
}
