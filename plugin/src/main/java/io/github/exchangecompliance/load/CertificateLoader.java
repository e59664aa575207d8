package io.github.exchangecompliance.load;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.cert.CertificateFiles;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Certificate;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of every {@code kind: Certificate} document and builds their chains. A file that is missing,
 * unreadable, not a certificate or password-protected is an EX0005 finding at the YAML value that names it.
 */
public final class CertificateLoader {

    private final Reporter certificateFile;
    private final SourceFiles files;

    /**
     * @param files what may be read: a certificate file outside the source directories, or a FIFO or device, is
     *     refused before it is opened
     */
    public CertificateLoader(Reporter certificateFile, SourceFiles files) {
        this.certificateFile = certificateFile;
        this.files = files;
    }

    /** Chains by certificate document name (lower case); documents whose leaf could not be read have none. */
    public Map<String, CertificateChain> load(List<Certificate> documents) {
        Map<Certificate, List<CertificateInfo>> read = new LinkedHashMap<>();
        List<CertificateInfo> pool = new ArrayList<>();
        for (Certificate document : documents) {
            List<CertificateInfo> certificates = new ArrayList<>();
            boolean leafRead = document.file() != null && readInto(document, document.file(), certificates);
            for (Value<String> chainFile : document.chain()) {
                readInto(document, chainFile, certificates);
            }
            pool.addAll(certificates);
            if (leafRead) {
                read.put(document, certificates);
            }
        }
        Map<String, CertificateChain> chains = new LinkedHashMap<>();
        for (Map.Entry<Certificate, List<CertificateInfo>> entry : read.entrySet()) {
            List<CertificateInfo> own = entry.getValue();
            // By identity: certificates are records, and comparing each of thousands with each by content took minutes.
            Set<CertificateInfo> mine = Collections.newSetFromMap(new IdentityHashMap<>());
            mine.addAll(own);
            List<CertificateInfo> candidates = new ArrayList<>(own);
            pool.stream().filter(c -> !mine.contains(c)).forEach(candidates::add);
            chains.put(
                    entry.getKey().name().value().toLowerCase(Locale.ROOT),
                    new CertificateChain(entry.getKey(), CertificateChain.build(own.get(0), candidates)));
        }
        return chains;
    }

    private boolean readInto(Certificate document, Value<String> file, List<CertificateInfo> into) {
        try {
            Path path = files.check(SourceFiles.resolve(document.baseDirectory(), file.value()));
            into.addAll(CertificateFiles.read(path, file.location()));
            return true;
        } catch (Refused e) {
            certificateFile.report(
                    file.location(),
                    "the certificate file '" + file.value() + "' of "
                            + document.name().value() + " " + e.getMessage());
            return false;
        } catch (CertificateFiles.CertificateFileException e) {
            certificateFile.report(
                    file.location(),
                    "the certificate file '" + file.value() + "' of "
                            + document.name().value() + " " + e.getMessage());
            return false;
        }
    }
}
