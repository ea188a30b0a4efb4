package gluelab.cloud.shape;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * SDK model shapes to and from XML, for the Query protocol's responses and REST-XML (S3) bodies.
 * Parsing refuses DTDs and external entities.
 */
public final class XmlShapeCodec {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newInstance();

    private XmlShapeCodec() {
    }

    /** A document whose root element wraps the shape's members, e.g. {@code <ListBucketResult>}. */
    public static String document(String rootName, String namespace, SdkPojo shape, Predicate<SdkField<?>> include) {
        return document(rootName, namespace, w -> writeMembers(w, shape, include));
    }

    public interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    public static String document(String rootName, String namespace, Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeStartElement(rootName);
            if (namespace != null) {
                writer.writeDefaultNamespace(namespace);
            }
            body.write(writer);
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
    }

    public static void writeMembers(XMLStreamWriter w, SdkPojo shape, Predicate<SdkField<?>> include)
            throws XMLStreamException {
        writeMembers(w, shape, include, QueryNames.MODEL);
    }

    /** Writes with the Query names {@code names} gives members whose model names are another protocol's (SQS). */
    public static void writeMembers(XMLStreamWriter w, SdkPojo shape, Predicate<SdkField<?>> include,
                                    QueryNames names) throws XMLStreamException {
        for (SdkField<?> field : shape.sdkFields()) {
            if (!include.test(field) || field.containsTrait(XmlAttributeTrait.class)) {
                continue;
            }
            Object value = field.getValueOrDefault(shape);
            if (Shapes.isUnset(value)) {
                continue;
            }
            writeField(w, value, field, names.of(shape, field), names);
        }
    }

    private static void writeField(XMLStreamWriter w, Object value, SdkField<?> field, QueryNames.Naming naming,
                                   QueryNames names) throws XMLStreamException {
        String name = naming.name();
        switch (field.marshallingType().getKnownType()) {
            case LIST -> {
                ListTrait list = field.getRequiredTrait(ListTrait.class);
                SdkField<?> member = list.memberFieldInfo();
                if (naming.flattened()) {
                    String itemName = naming.item() != null ? naming.item() : name;
                    for (Object item : (List<?>) value) {
                        writeField(w, item, member, QueryNames.fromModel(itemName, member), names);
                    }
                } else {
                    w.writeStartElement(name);
                    String itemName = naming.item() != null ? naming.item() : "member";
                    for (Object item : (List<?>) value) {
                        writeField(w, item, member, QueryNames.fromModel(itemName, member), names);
                    }
                    w.writeEndElement();
                }
            }
            case MAP -> {
                MapTrait map = field.getRequiredTrait(MapTrait.class);
                String keyName = naming.key() != null ? naming.key() : "key";
                String valueName = naming.value() != null ? naming.value() : "value";
                if (!naming.flattened()) {
                    w.writeStartElement(name);
                }
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    w.writeStartElement(naming.flattened() ? name : "entry");
                    w.writeStartElement(keyName);
                    writeText(w, String.valueOf(entry.getKey()));
                    w.writeEndElement();
                    SdkField<?> valueField = map.valueFieldInfo();
                    writeField(w, entry.getValue(), valueField, QueryNames.fromModel(valueName, valueField), names);
                    w.writeEndElement();
                }
                if (!naming.flattened()) {
                    w.writeEndElement();
                }
            }
            case SDK_POJO -> {
                w.writeStartElement(name);
                writeAttributes(w, (SdkPojo) value);
                writeMembers(w, (SdkPojo) value, f -> true, names);
                w.writeEndElement();
            }
            default -> {
                w.writeStartElement(name);
                writeText(w, scalarText(value, field));
                w.writeEndElement();
            }
        }
    }

    /**
     * Text as XML that reads back exactly: a parser turns a raw carriage return into a line feed (XML's end-of-line
     * handling), so one is written as the character reference {@code &#13;}, as S3 writes it in keys.
     */
    public static void writeText(XMLStreamWriter w, String text) throws XMLStreamException {
        int start = 0;
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', start)) {
            w.writeCharacters(text.substring(start, i));
            w.writeEntityRef("#13");
            start = i + 1;
        }
        w.writeCharacters(text.substring(start));
    }

    /**
     * A shape's members that are XML attributes, such as S3's {@code <Grantee xsi:type="CanonicalUser">}; the
     * {@code xsi} prefix is XML Schema's instance namespace, declared where it is used.
     */
    private static void writeAttributes(XMLStreamWriter w, SdkPojo shape) throws XMLStreamException {
        for (SdkField<?> field : shape.sdkFields()) {
            Object value = field.containsTrait(XmlAttributeTrait.class) ? field.getValueOrDefault(shape) : null;
            if (Shapes.isUnset(value)) {
                continue;
            }
            String name = field.locationName();
            if (name.startsWith("xsi:")) {
                w.writeNamespace("xsi", XSI);
                w.writeAttribute("xsi", XSI, name.substring(4), scalarText(value, field));
            } else {
                w.writeAttribute(name, scalarText(value, field));
            }
        }
    }

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** A scalar as text, with XML's default ISO-8601 timestamps. */
    public static String scalarText(Object value, SdkField<?> field) {
        if (value instanceof Instant instant) {
            return TimestampFormats.format(instant, TimestampFormats.formatOf(field, TimestampFormatTrait.Format.ISO_8601));
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Parses an XML body safely; malformed XML is a {@link ShapeReadException}. */
    public static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new ShapeReadException("The XML you provided was not well-formed");
        }
    }

    public static <T> T read(Element element, Class<T> shapeClass) {
        SdkPojo builder = Shapes.newBuilder(shapeClass);
        readInto(element, builder, f -> true);
        return Shapes.build(builder);
    }

    public static void readInto(Element element, SdkPojo builder, Predicate<SdkField<?>> include) {
        Map<String, SdkField<?>> byName = new LinkedHashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            if (!include.test(field)) {
                continue;
            }
            byName.put(Shapes.wireName(field), field);
            if (field.marshallingType().getKnownType() == software.amazon.awssdk.core.protocol.MarshallingKnownType.LIST) {
                ListTrait list = field.getRequiredTrait(ListTrait.class);
                if (list.isFlattened() && list.memberLocationName() != null) {
                    byName.put(list.memberLocationName(), field);
                }
            }
        }
        Map<SdkField<?>, List<Object>> flattened = new LinkedHashMap<>();
        for (Element child : children(element)) {
            SdkField<?> field = byName.get(child.getLocalName() != null ? child.getLocalName() : child.getTagName());
            if (field == null) {
                continue;
            }
            if (field.marshallingType().getKnownType() == software.amazon.awssdk.core.protocol.MarshallingKnownType.LIST
                    && field.getRequiredTrait(ListTrait.class).isFlattened()) {
                flattened.computeIfAbsent(field, f -> new ArrayList<>())
                        .add(readValue(child, field.getRequiredTrait(ListTrait.class).memberFieldInfo()));
            } else {
                field.set(builder, readValue(child, field));
            }
        }
        flattened.forEach((field, items) -> field.set(builder, items));
        for (SdkField<?> field : builder.sdkFields()) {
            if (include.test(field) && field.containsTrait(XmlAttributeTrait.class)) {
                String name = field.locationName();
                String text = name.startsWith("xsi:") ? element.getAttributeNS(XSI, name.substring(4))
                        : element.getAttribute(name);
                if (!text.isEmpty()) {
                    field.set(builder, ScalarText.read(text, field, name));
                }
            }
        }
    }

    static Object readValue(Element element, SdkField<?> field) {
        return switch (field.marshallingType().getKnownType()) {
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> items = new ArrayList<>();
                for (Element child : children(element)) {
                    items.add(readValue(child, member));
                }
                yield items;
            }
            case MAP -> {
                MapTrait map = field.getRequiredTrait(MapTrait.class);
                String keyName = map.keyLocationName() != null ? map.keyLocationName() : "key";
                String valueName = map.valueLocationName() != null ? map.valueLocationName() : "value";
                Map<String, Object> out = new LinkedHashMap<>();
                for (Element entry : children(element)) {
                    Element key = child(entry, keyName);
                    Element value = child(entry, valueName);
                    if (key != null) {
                        out.put(key.getTextContent(), value == null ? null : readValue(value, map.valueFieldInfo()));
                    }
                }
                yield out;
            }
            case SDK_POJO -> {
                SdkPojo nested = field.constructor().get();
                readInto(element, nested, f -> true);
                yield Shapes.build(nested);
            }
            // Text exactly as sent: S3 keys are byte strings, and " " or "_ " must stay what they are. ScalarText
            // trims what is not a string (numbers, booleans, timestamps).
            default -> ScalarText.read(element.getTextContent(), field, Shapes.wireName(field));
        };
    }

    static List<Element> children(Element element) {
        List<Element> out = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Element child : children(parent)) {
            String local = child.getLocalName() != null ? child.getLocalName() : child.getTagName();
            if (local.equals(name)) {
                return child;
            }
        }
        return null;
    }
}
