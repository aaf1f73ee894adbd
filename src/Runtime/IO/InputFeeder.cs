using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.IO;

/// <summary>
/// Fills a session's inputs the way every command of `edgeml` and `edgeml-device` does: from
/// --input NAME=FILE, else from DIR/NAME.npy in --inputs, else random (floats in [-1, 1), integers
/// and booleans zero), with symbolic dimensions from --dim (1 when not given, with a note).
/// </summary>
public static class InputFeeder
{
    public static List<string> Fill(InferenceSession session, string? inputsDir, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, long> dims, int seed = 42)
    {
        if (inputsDir != null && !Directory.Exists(inputsDir)) throw new EdgeMLException($"--inputs folder not found: {inputsDir}");
        foreach (var name in files.Keys)
            if (!session.Inputs.Any(i => i.Name == name)) throw new EdgeMLException($"--input names '{name}', but the model has no such input (inputs: {string.Join(", ", session.Inputs.Select(i => i.Name))})");
        var notes = new List<string>();
        var rng = new Random(seed);
        for (int k = 0; k < session.Inputs.Count; k++)
        {
            var info = session.Inputs[k];
            var t = session.Input(k);
            string? path = files.TryGetValue(info.Name, out var f) ? f : null;
            if (path == null && inputsDir != null)
            {
                var candidate = Path.Combine(inputsDir, NpyFile.FileNameFor(info.Name));
                if (File.Exists(candidate)) path = candidate;
            }
            if (path != null)
            {
                NpyFile.Read(path, t);
                continue;
            }
            if (info.Kind != ValueKind.Tensor || info.Shape == null) throw new EdgeMLException($"input '{info.Name}' has no fixed tensor shape; give it with --input or --inputs");
            var shape = new long[info.Shape.Length];
            for (int d = 0; d < shape.Length; d++)
            {
                var dim = info.Shape[d];
                if (dim.IsFixed) shape[d] = dim.Size;
                else if (dim.Symbol != null && dims.TryGetValue(dim.Symbol, out var v)) shape[d] = v;
                else
                {
                    shape[d] = 1;
                    notes.Add($"dimension '{dim.Symbol ?? "?"}' of input '{info.Name}' set to 1 (use --dim NAME=VALUE)");
                }
            }
            t.Allocate(info.Type, shape);
            Randomize(t, rng);
            notes.Add($"input '{info.Name}' is random {DataTypeInfo.Name(info.Type)}{Tensor.ShapeText(shape)}");
        }
        return notes.Distinct().ToList();
    }

    public static void Randomize(Tensor t, Random rng)
    {
        switch (t.Type)
        {
            case DataType.Float: foreach (ref var x in t.Span<float>()) x = (float)(rng.NextDouble() * 2 - 1); break;
            case DataType.Double: foreach (ref var x in t.Span<double>()) x = rng.NextDouble() * 2 - 1; break;
            case DataType.Float16: foreach (ref var x in t.Span<Half>()) x = (Half)(rng.NextDouble() * 2 - 1); break;
            case DataType.String: t.Strings.Fill(""); break;
            default: t.Bytes.Clear(); break;
        }
    }

    /// <summary>The session's inputs by name (for handing the same tensors to ONNX Runtime).</summary>
    public static Dictionary<string, Tensor> ByName(InferenceSession session)
        => Enumerable.Range(0, session.Inputs.Count).ToDictionary(k => session.Inputs[k].Name, k => session.Input(k));

    /// <summary>--dim NAME=VALUE values as a map.</summary>
    public static Dictionary<string, long> ParseDims(IEnumerable<string>? values)
    {
        var dims = new Dictionary<string, long>();
        foreach (var v in values ?? [])
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || !long.TryParse(v[(eq + 1)..], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long size) || size < 0)
                throw new EdgeMLException($"bad --dim '{v}': expected NAME=VALUE with a non-negative integer VALUE");
            dims[v[..eq]] = size;
        }
        return dims;
    }

    /// <summary>--input NAME=FILE.npy values as a map.</summary>
    public static Dictionary<string, string> ParseInputFiles(IEnumerable<string>? values)
    {
        var files = new Dictionary<string, string>();
        foreach (var v in values ?? [])
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || eq == v.Length - 1) throw new EdgeMLException($"bad --input '{v}': expected NAME=FILE.npy");
            files[v[..eq]] = v[(eq + 1)..];
        }
        return files;
    }
}
