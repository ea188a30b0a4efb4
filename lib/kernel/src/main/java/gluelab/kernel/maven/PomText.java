package gluelab.kernel.maven;

import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * The text {@code %%loadFromPOM} is given, as a whole POM, as IJava reads it: a {@code <project>} is used as it is;
 * anything else is a fragment, from which every {@code <dependency>} and {@code <repository>} (loose, or inside
 * {@code <dependencies>} and {@code <repositories>}) goes into a POM of its own, as pasted from a README.
 */
record PomText(String xml, Artifact coordinates) {

    static final String FRAGMENT_GROUP = "gluelab.notebook";

    static PomText of(String text) throws MavenException {
        String body = text.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        Element root = parse("<fragment>" + body + "</fragment>").getDocumentElement();
        List<Element> top = children(root, null);
        String pom = top.size() == 1 && top.get(0).getTagName().equals("project") ? body : pomOfFragment(top);
        return new PomText(pom, coordinatesOf(pom));
    }

    private static String pomOfFragment(List<Element> top) throws MavenException {
        List<Element> dependencies = new ArrayList<>();
        List<Element> repositories = new ArrayList<>();
        for (Element element : top) {
            switch (element.getTagName()) {
                case "dependency" -> dependencies.add(element);
                case "dependencies" -> dependencies.addAll(children(element, "dependency"));
                case "repository" -> repositories.add(element);
                case "repositories" -> repositories.addAll(children(element, "repository"));
                default -> {
                    // IJava collects only dependencies and repositories; a pasted <plugin> or <build> is left out.
                }
            }
        }
        if (dependencies.isEmpty()) {
            throw new MavenException("no <dependency> found: give a POM, or <dependency> elements "
                    + "(with <repository> elements for repositories other than Maven Central)");
        }
        Document pom = newBuilder().newDocument();
        Element project = pom.createElement("project");
        pom.appendChild(project);
        append(pom, project, "modelVersion", "4.0.0");
        append(pom, project, "groupId", FRAGMENT_GROUP);
        append(pom, project, "artifactId", "loadFromPOM");
        append(pom, project, "version", "1");
        append(pom, project, "packaging", "pom");
        Element dependenciesElement = append(pom, project, "dependencies", null);
        dependencies.forEach(dependency -> dependenciesElement.appendChild(pom.importNode(dependency, true)));
        if (!repositories.isEmpty()) {
            Element repositoriesElement = append(pom, project, "repositories", null);
            repositories.forEach(repository -> repositoriesElement.appendChild(pom.importNode(repository, true)));
        }
        return serialize(pom);
    }

    private static Artifact coordinatesOf(String pom) throws MavenException {
        Model model;
        try {
            model = new MavenXpp3Reader().read(new StringReader(pom), false);
        } catch (IOException | XmlPullParserException e) {
            throw new MavenException("the POM cannot be read: " + e.getMessage());
        }
        String groupId = model.getGroupId() != null ? model.getGroupId() : model.getParent() == null ? null : model.getParent().getGroupId();
        String version = model.getVersion() != null ? model.getVersion() : model.getParent() == null ? null : model.getParent().getVersion();
        if (groupId == null || model.getArtifactId() == null || version == null) {
            throw new MavenException("the <project> needs a groupId, artifactId and version (its own or its "
                    + "parent's), or give only its <dependency> elements");
        }
        return new DefaultArtifact(groupId, model.getArtifactId(), "pom", version);
    }

    private static Document parse(String xml) throws MavenException {
        try {
            return newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new MavenException("the POM is not well-formed XML: " + e.getMessage());
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A pasted POM never needs a DTD; refusing them keeps entity tricks out.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    private static List<Element> children(Element parent, String tagName) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (tagName == null || element.getTagName().equals(tagName))) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element append(Document document, Element parent, String tagName, String text) {
        Element element = document.createElement(tagName);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML serializer failed on a document it built", e);
        }
    }
}
