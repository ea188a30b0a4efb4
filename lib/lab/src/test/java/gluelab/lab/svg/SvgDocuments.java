package gluelab.lab.svg;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses SVG output as strict, namespace-aware XML: what GitHub and browsers need it to be. */
public final class SvgDocuments {

    private SvgDocuments() {
    }

    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        if (!"svg".equals(document.getDocumentElement().getLocalName())
                || !"http://www.w3.org/2000/svg".equals(document.getDocumentElement().getNamespaceURI())) {
            throw new AssertionError("not an SVG document: " + document.getDocumentElement().getNodeName());
        }
        return document;
    }

    /** All text of the document's {@code <text>} and {@code <title>} elements, one per line. */
    public static String texts(Document document) {
        StringBuilder all = new StringBuilder();
        for (String tag : new String[] {"text", "title"}) {
            var nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                all.append(nodes.item(i).getTextContent()).append('\n');
            }
        }
        return all.toString();
    }
}
