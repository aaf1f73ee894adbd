using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime;
using Google.Protobuf;
using EdgeML.Runtime.IO;

namespace EdgeML.Compiler.Onnx;

/// <summary>
/// An ONNX model made in code, or read from bytes to be inspected or spliced into another (the
/// training toolchain splices ML.NET's exports): a main graph (<see cref="Graph"/>), its opset
/// imports and metadata. No protobuf type appears in its public surface.
/// </summary>
public sealed class OnnxModelBuilder
{
    /// <summary>The domain of the classic machine-learning operators (LabelEncoder, TreeEnsemble*, ...).</summary>
    public const string MlDomain = "ai.onnx.ml";

    private readonly ModelProto _model;

    public OnnxModelBuilder(int onnxOpset = 21, string producer = "EdgeML")
    {
        Graph = new OnnxGraphBuilder("main");
        _model = new ModelProto { IrVersion = 10, ProducerName = producer, Graph = Graph.Proto };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = onnxOpset });
    }

    private OnnxModelBuilder(ModelProto model)
    {
        _model = model;
        _model.Graph ??= new GraphProto { Name = "main" };
        Graph = new OnnxGraphBuilder(_model.Graph);
    }

    /// <summary>Reads a serialized ONNX model; a malformed one is one clear error.</summary>
    public static OnnxModelBuilder Load(byte[] bytes)
    {
        if (bytes.Length == 0) throw new EdgeMLException("not an ONNX model: it is empty");
        try
        {
            return new OnnxModelBuilder(ModelProto.Parser.ParseFrom(bytes));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EdgeMLException($"not a valid ONNX model: {e.Message}", e);
        }
    }

    public OnnxGraphBuilder Graph { get; }

    /// <summary>Opset version per domain ("" is ai.onnx).</summary>
    public IReadOnlyDictionary<string, long> Opsets => _model.OpsetImport.ToDictionary(o => o.Domain, o => o.Version);

    public IReadOnlyDictionary<string, string> MetadataEntries => _model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);

    public OnnxModelBuilder Opset(string domain, int version)
    {
        var existing = _model.OpsetImport.FirstOrDefault(o => o.Domain == domain);
        if (existing != null) existing.Version = version;
        else _model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        return this;
    }

    public OnnxModelBuilder IrVersion(long version)
    {
        _model.IrVersion = version;
        return this;
    }

    public OnnxModelBuilder Producer(string name, string version)
    {
        _model.ProducerName = name;
        _model.ProducerVersion = version;
        return this;
    }

    public OnnxModelBuilder Metadata(string key, string value)
    {
        var existing = _model.MetadataProps.FirstOrDefault(p => p.Key == key);
        if (existing != null) existing.Value = value;
        else _model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    public byte[] ToBytes() => _model.ToByteArray();

    /// <summary>Writes the model atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, ToBytes());
}
