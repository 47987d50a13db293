// A small, tolerant JSON reader/writer and object mapper, so the SDK needs no NuGet
// package and runs on Mono's class libraries alone. Reading is forgiving by design:
// unknown fields are ignored (and kept in AemModel.Raw), numbers given as strings are
// accepted, and an unknown enum value reads as (TEnum)(-1) with its text kept in Raw.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A JSON object: names to values (string, JsonNumber, bool, null, JsonObject, List&lt;object&gt;).</summary>
    public sealed class JsonObject : Dictionary<string, object>
    {
        /// <summary>The object as JSON text.</summary>
        public override string ToString() { return Json.Write(this); }
    }

    /// <summary>A JSON number kept as its text, so no precision is lost.</summary>
    public sealed class JsonNumber
    {
        /// <summary>The number's text.</summary>
        public readonly string Text;
        /// <summary>Wraps a number's text.</summary>
        public JsonNumber(string text) { Text = text; }
        /// <summary>The value as a double.</summary>
        public double ToDouble() { return double.Parse(Text, CultureInfo.InvariantCulture); }
        /// <summary>The text.</summary>
        public override string ToString() { return Text; }
    }

    /// <summary>Names a property's JSON field (first) and the other names it is read from.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class AemJsonAttribute : Attribute
    {
        /// <summary>Names, the first one written.</summary>
        public readonly string[] Names;
        /// <summary>Names a property's JSON field.</summary>
        public AemJsonAttribute(params string[] names) { Names = names; }
    }

    /// <summary>JSON parsing, writing and mapping to the SDK's classes.</summary>
    public static class Json
    {
        /// <summary>Parses JSON text into JsonObject / List&lt;object&gt; / string / JsonNumber / bool / null.</summary>
        public static object Parse(string text)
        {
            var p = new Parser(text);
            p.Ws();
            var v = p.Value();
            p.Ws();
            if (p.Pos != text.Length) throw new FormatException("JSON: unexpected text at " + p.Pos);
            return v;
        }

        sealed class Parser
        {
            readonly string s;
            public int Pos;
            public Parser(string text) { s = text; }
            public void Ws() { while (Pos < s.Length && char.IsWhiteSpace(s[Pos])) Pos++; }
            char Peek() { if (Pos >= s.Length) throw new FormatException("JSON: unexpected end"); return s[Pos]; }
            void Expect(string word) { if (string.CompareOrdinal(s, Pos, word, 0, word.Length) != 0) throw new FormatException("JSON: bad token at " + Pos); Pos += word.Length; }

            public object Value()
            {
                char c = Peek();
                switch (c)
                {
                    case '{':
                        {
                            Pos++; var o = new JsonObject(); Ws();
                            if (Peek() == '}') { Pos++; return o; }
                            while (true)
                            {
                                Ws(); var k = Str(); Ws();
                                if (Peek() != ':') throw new FormatException("JSON: ':' expected at " + Pos);
                                Pos++; Ws(); o[k] = Value(); Ws();
                                char d = Peek(); Pos++;
                                if (d == '}') return o;
                                if (d != ',') throw new FormatException("JSON: ',' expected at " + (Pos - 1));
                            }
                        }
                    case '[':
                        {
                            Pos++; var a = new List<object>(); Ws();
                            if (Peek() == ']') { Pos++; return a; }
                            while (true)
                            {
                                Ws(); a.Add(Value()); Ws();
                                char d = Peek(); Pos++;
                                if (d == ']') return a;
                                if (d != ',') throw new FormatException("JSON: ',' expected at " + (Pos - 1));
                            }
                        }
                    case '"': return Str();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default:
                        {
                            int start = Pos;
                            while (Pos < s.Length && "+-0123456789.eE".IndexOf(s[Pos]) >= 0) Pos++;
                            if (Pos == start) throw new FormatException("JSON: unexpected '" + c + "' at " + Pos);
                            return new JsonNumber(s.Substring(start, Pos - start));
                        }
                }
            }

            string Str()
            {
                if (Peek() != '"') throw new FormatException("JSON: string expected at " + Pos);
                Pos++;
                var sb = new StringBuilder();
                while (true)
                {
                    char c = Peek(); Pos++;
                    if (c == '"') return sb.ToString();
                    if (c != '\\') { sb.Append(c); continue; }
                    char e = Peek(); Pos++;
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u': sb.Append((char)Convert.ToInt32(s.Substring(Pos, 4), 16)); Pos += 4; break;
                        default: sb.Append(e); break;
                    }
                }
            }
        }

        /// <summary>Writes a value (JSON tree, SDK object, string, number, bool, enum, list, dictionary) as JSON text.</summary>
        public static string Write(object value)
        {
            var sb = new StringBuilder();
            WriteTo(sb, value);
            return sb.ToString();
        }

        static void WriteString(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4")); else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }

        static void WriteTo(StringBuilder sb, object v)
        {
            if (v == null) { sb.Append("null"); return; }
            if (v is string) { WriteString(sb, (string)v); return; }
            if (v is bool) { sb.Append((bool)v ? "true" : "false"); return; }
            if (v is JsonNumber) { sb.Append(((JsonNumber)v).Text); return; }
            if (v is Enum) { WriteString(sb, EnumWireName(v)); return; }
            if (v is int || v is long || v is short || v is byte || v is uint || v is ulong)
            { sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture)); return; }
            if (v is double || v is float || v is decimal)
            { sb.Append(Convert.ToDouble(v).ToString("R", CultureInfo.InvariantCulture)); return; }
            if (v is IDictionary)
            {
                sb.Append('{'); bool first = true;
                foreach (DictionaryEntry e in (IDictionary)v)
                {
                    if (!first) sb.Append(','); first = false;
                    WriteString(sb, e.Key.ToString()); sb.Append(':'); WriteTo(sb, e.Value);
                }
                sb.Append('}'); return;
            }
            if (v is IEnumerable)
            {
                sb.Append('['); bool first = true;
                foreach (var e in (IEnumerable)v) { if (!first) sb.Append(','); first = false; WriteTo(sb, e); }
                sb.Append(']'); return;
            }
            // An SDK object: its set properties under their wire names, fields of Raw it
            // does not model kept, so a GetServer answer can be edited and put back.
            sb.Append('{');
            bool any = false;
            var written = new HashSet<string>();
            foreach (var p in v.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!p.CanRead || p.GetIndexParameters().Length > 0 || p.Name == "Raw") continue;
                var val = p.GetValue(v, null);
                if (val == null) continue;
                if (val is Enum && Convert.ToInt64(val) == -1) continue; // an unknown value: Raw keeps it
                string name = WireName(p);
                if (any) sb.Append(','); any = true;
                WriteString(sb, name); sb.Append(':'); WriteTo(sb, val);
                written.Add(Normalize(name));
                var names = p.GetCustomAttributes(typeof(AemJsonAttribute), false);
                if (names.Length > 0) foreach (var n in ((AemJsonAttribute)names[0]).Names) written.Add(Normalize(n));
                else written.Add(Normalize(p.Name));
            }
            var model = v as AemModel;
            if (model != null && model.Raw != null)
            {
                foreach (var e in model.Raw)
                {
                    if (written.Contains(Normalize(e.Key))) continue;
                    if (any) sb.Append(','); any = true;
                    WriteString(sb, e.Key); sb.Append(':'); WriteTo(sb, e.Value);
                }
            }
            sb.Append('}');
        }

        static string EnumWireName(object v)
        {
            var f = v.GetType().GetField(v.ToString());
            if (f == null) return v.ToString();
            var names = f.GetCustomAttributes(typeof(AemJsonAttribute), false);
            return names.Length > 0 ? ((AemJsonAttribute)names[0]).Names[0] : f.Name;
        }

        static string WireName(PropertyInfo p)
        {
            var names = p.GetCustomAttributes(typeof(AemJsonAttribute), false);
            if (names.Length > 0) return ((AemJsonAttribute)names[0]).Names[0];
            // PascalCase to the wire's snake_case: IssueDate -> issue_date.
            var sb = new StringBuilder();
            for (int i = 0; i < p.Name.Length; i++)
            {
                char c = p.Name[i];
                if (char.IsUpper(c) && i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        /// <summary>Field names compare without case, underscores, spaces or '$'.</summary>
        static string Normalize(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (char c in name) if (c != '_' && c != ' ') sb.Append(char.ToLowerInvariant(c));
            return sb.ToString();
        }

        /// <summary>Maps a parsed JSON value onto a type, tolerantly.</summary>
        public static T To<T>(object json) { return (T)To(typeof(T), json); }

        /// <summary>Maps a parsed JSON value onto a type, tolerantly.</summary>
        public static object To(Type t, object json)
        {
            var under = Nullable.GetUnderlyingType(t);
            if (under != null) return json == null ? null : To(under, json);
            if (t == typeof(object)) return json;
            if (t == typeof(string))
            {
                if (json == null) return null;
                if (json is string) return json;
                if (json is JsonNumber || json is bool) return Convert.ToString(json is bool ? ((bool)json ? "true" : "false") : json.ToString(), CultureInfo.InvariantCulture);
                return Write(json);
            }
            if (json == null) return t.IsValueType ? Activator.CreateInstance(t) : null;
            if (t == typeof(bool))
            {
                if (json is bool) return json;
                if (json is string) { bool b; return bool.TryParse((string)json, out b) && b; }
                if (json is JsonNumber) return ((JsonNumber)json).ToDouble() != 0;
                return false;
            }
            if (t.IsEnum)
            {
                var text = json is string ? (string)json : json.ToString();
                foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (Normalize(f.Name) == Normalize(text)) return f.GetValue(null);
                    var aliases = f.GetCustomAttributes(typeof(AemJsonAttribute), false);
                    if (aliases.Length > 0)
                        foreach (var a in ((AemJsonAttribute)aliases[0]).Names)
                            if (Normalize(a) == Normalize(text)) return f.GetValue(null);
                }
                long num;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out num) && Enum.IsDefined(t, Enum.ToObject(t, num)))
                    return Enum.ToObject(t, num);
                return Enum.ToObject(t, -1);
            }
            if (t.IsPrimitive || t == typeof(decimal))
            {
                string text = json is JsonNumber ? ((JsonNumber)json).Text : json is string ? (string)json : null;
                if (text == null) return Activator.CreateInstance(t);
                double d;
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return Activator.CreateInstance(t);
                if (t == typeof(int)) return (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, d));
                if (t == typeof(long)) { long l; return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out l) ? l : (long)d; }
                return Convert.ChangeType(d, t, CultureInfo.InvariantCulture);
            }
            if (t == typeof(JsonObject)) return json as JsonObject;
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
            {
                var list = (IList)Activator.CreateInstance(t);
                var et = t.GetGenericArguments()[0];
                var items = json as List<object>;
                if (items != null) foreach (var e in items) list.Add(To(et, e));
                else list.Add(To(et, json)); // one object where a list was expected
                return list;
            }
            var obj = json as JsonObject;
            if (obj == null) return null;
            var result = Activator.CreateInstance(t);
            var byName = new Dictionary<string, object>();
            foreach (var e in obj) byName[Normalize(e.Key)] = e.Value;
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!p.CanWrite || p.Name == "Raw") continue;
                var names = p.GetCustomAttributes(typeof(AemJsonAttribute), false);
                var candidates = names.Length > 0 ? ((AemJsonAttribute)names[0]).Names : new[] { p.Name };
                foreach (var n in candidates)
                {
                    object v;
                    if (byName.TryGetValue(Normalize(n), out v)) { p.SetValue(result, To(p.PropertyType, v), null); break; }
                }
            }
            var model = result as AemModel;
            if (model != null) model.Raw = obj;
            return result;
        }
    }

    /// <summary>Base of every answer and request class: the JSON object it was read from.</summary>
    public abstract class AemModel
    {
        /// <summary>The object as received, with fields this SDK does not model and the text of unknown enum values.</summary>
        public JsonObject Raw { get; set; }
    }
}
