using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml DictVectorizer (1): a map (string or int64 keys) becomes a dense [1, V] tensor
/// over the vocabulary (string_vocabulary or int64_vocabulary), zero (or empty) where a word is not
/// in the map; keys outside the vocabulary are ignored. The values keep their type.</summary>
public sealed class DictVectorizer : Kernel
{
    private readonly Dictionary<string, int>? _strings;
    private readonly Dictionary<long, int>? _ints;
    private readonly int _size;

    private DictVectorizer(Dictionary<string, int>? strings, Dictionary<long, int>? ints, int size)
    {
        _strings = strings;
        _ints = ints;
        _size = size;
    }

    public static Kernel Create(KernelInfo info)
    {
        var strings = info.Attributes.GetStrings("string_vocabulary", []);
        var ints = info.Attributes.GetInts("int64_vocabulary", []);
        if ((strings.Length == 0) == (ints.Length == 0)) throw info.Error("exactly one of string_vocabulary and int64_vocabulary must be given");
        if (strings.Length > 0)
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < strings.Length; i++) map.TryAdd(strings[i], i);
            return new DictVectorizer(map, null, strings.Length);
        }
        var imap = new Dictionary<long, int>();
        for (int i = 0; i < ints.Length; i++) imap.TryAdd(ints[i], i);
        return new DictVectorizer(null, imap, ints.Length);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Kind != ValueKind.Map) throw context.Error("the input must be a map");
        var keys = x.Items[0];
        var values = x.Items[1];
        var y = context.Output(0);
        Span<long> shape = [1, _size];
        y.Allocate(values.Type, shape);
        if (values.Type == DataType.String) y.Strings.Fill("");
        else y.Bytes.Clear();
        int n = (int)keys.Length;
        for (int i = 0; i < n; i++)
        {
            int slot;
            if (_strings != null)
            {
                if (keys.Type != DataType.String) throw context.Error("the vocabulary is strings but the map's keys are not");
                if (!_strings.TryGetValue(keys.Strings[i], out slot)) continue;
            }
            else
            {
                if (keys.Type != DataType.Int64) throw context.Error("the vocabulary is int64 but the map's keys are not");
                if (!_ints!.TryGetValue(keys.ReadOnlySpan<long>()[i], out slot)) continue;
            }
            switch (values.Type)
            {
                case DataType.Float: y.Span<float>()[slot] = values.ReadOnlySpan<float>()[i]; break;
                case DataType.Double: y.Span<double>()[slot] = values.ReadOnlySpan<double>()[i]; break;
                case DataType.Int64: y.Span<long>()[slot] = values.ReadOnlySpan<long>()[i]; break;
                case DataType.String: y.Strings[slot] = values.Strings[i]; break;
                default: throw context.Error($"map values of type {DataTypeInfo.Name(values.Type)} are not supported");
            }
        }
    }
}
