using EdgeML.Runtime;
using EdgeML.Runtime.Tensors;
using Microsoft.ML.OnnxRuntime;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;
using Tensor = EdgeML.Runtime.Tensors.Tensor;

namespace EdgeML.Oracle;

/// <summary>
/// Runs an ONNX model in ONNX Runtime with EdgeML tensors in and out: the oracle that EdgeML's
/// results are checked against, and the baseline its speed is measured against.
/// </summary>
public sealed class OrtRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    public OrtRunner(string modelPath, GraphOptimizationLevel level = GraphOptimizationLevel.ORT_ENABLE_ALL, int threads = 1)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = level,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        try
        {
            _session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EdgeMLException($"ONNX Runtime cannot load {modelPath}: {FirstLine(e.Message)}", e);
        }
        InputNames = _session.InputMetadata.Keys.ToArray();
        OutputNames = _session.OutputMetadata.Keys.ToArray();
    }

    public IReadOnlyList<string> InputNames { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Runs on <paramref name="inputs"/> (by name) and returns the outputs in model order.</summary>
    public List<Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        var names = new List<string>();
        var values = new List<OrtValue>();
        try
        {
            foreach (var name in InputNames)
            {
                if (!inputs.TryGetValue(name, out var t)) throw new EdgeMLException($"ONNX Runtime: input '{name}' was not given");
                names.Add(name);
                values.Add(ToOrt(t));
            }
            using var results = _session.Run(_runOptions, names, values, OutputNames.ToArray());
            var outputs = new List<Tensor>();
            int k = 0;
            foreach (var r in results) outputs.Add(FromOrt(r, OutputNames[k++]));
            return outputs;
        }
        catch (OnnxRuntimeException e)
        {
            throw new EdgeMLException($"ONNX Runtime failed: {FirstLine(e.Message)}", e);
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }

    /// <summary>Runs without copying outputs back (for timing); inputs must be prepared with <see cref="Prepare"/>.</summary>
    public void RunPrepared(IReadOnlyList<string> names, IReadOnlyList<OrtValue> values)
    {
        using var results = _session.Run(_runOptions, names.ToArray(), values.ToArray(), OutputNames.ToArray());
    }

    public List<OrtValue> Prepare(IReadOnlyDictionary<string, Tensor> inputs) => InputNames.Select(n => ToOrt(inputs[n])).ToList();

    public static OrtValue ToOrt(Tensor t)
    {
        switch (t.Kind)
        {
            case ValueKind.Sequence:
                return OrtValue.CreateSequence(t.Items.Select(ToOrt).ToList());
            case ValueKind.Map:
            {
                var keys = ToOrt(t.Items[0]);
                var values = ToOrt(t.Items[1]);
                return OrtValue.CreateMap(ref keys, ref values);
            }
            case ValueKind.Tensor:
                break;
            default:
                throw new EdgeMLException($"ONNX Runtime bridge: {t.Kind} values are not supported");
        }
        var shape = t.Shape.ToArray();
        if (t.Type == DataType.String)
        {
            var s = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
            for (int i = 0; i < t.Length; i++) s.StringTensorSetElementAt(t.Strings[i].AsSpan(), i);
            return s;
        }
        var v = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)(int)t.Type, shape);
        t.Bytes.CopyTo(v.GetTensorMutableRawData());
        return v;
    }

    public static Tensor FromOrt(OrtValue v, string name)
    {
        var result = new Tensor(name);
        Fill(v, result);
        return result;
    }

    private static void Fill(OrtValue v, Tensor target)
    {
        if (v.OnnxType == OnnxValueType.ONNX_TYPE_SEQUENCE)
        {
            int n = v.GetValueCount();
            target.SetSequence(DataType.Undefined);
            for (int i = 0; i < n; i++)
            {
                using var item = v.GetValue(i, OrtAllocator.DefaultInstance);
                Fill(item, target.AddItem());
            }
            return;
        }
        if (v.OnnxType == OnnxValueType.ONNX_TYPE_MAP)
        {
            using var keys = v.GetValue(0, OrtAllocator.DefaultInstance);
            using var values = v.GetValue(1, OrtAllocator.DefaultInstance);
            var keyType = (DataType)(int)keys.GetTensorTypeAndShape().ElementDataType;
            var valueType = (DataType)(int)values.GetTensorTypeAndShape().ElementDataType;
            var (k, w) = target.SetMap(keyType, valueType);
            Fill(keys, k);
            Fill(values, w);
            return;
        }
        if (v.OnnxType == OnnxValueType.ONNX_TYPE_OPTIONAL)
        {
            target.SetNone();
            return;
        }
        if (v.OnnxType != OnnxValueType.ONNX_TYPE_TENSOR) throw new EdgeMLException($"ONNX Runtime bridge: {v.OnnxType} outputs are not supported");
        var info = v.GetTensorTypeAndShape();
        var type = (DataType)(int)info.ElementDataType;
        target.Allocate(type, info.Shape);
        if (type == DataType.String)
        {
            var strings = v.GetStringTensorAsArray();
            strings.CopyTo(target.Strings);
            return;
        }
        v.GetTensorMutableRawData().CopyTo(target.Bytes);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
