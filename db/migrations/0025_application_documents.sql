-- Documents a student attaches to an application (mobilities/application_documents.hpp): a
-- transcript, a language certificate. The bytes live here, in the database, so they are backed
-- up with the application, deleted with it, and never lie in a directory a web server could
-- serve. Only the applicant, the coordinators of the applicant's unit and the HEI's international
-- office read them (portal/mobilities/application_document_pages.hpp).

-- One attached file: its name as shown and sent in downloads (cleaned of path, control and
-- quoting characters), the type the browser declared and the type its first bytes show (only
-- PDF, PNG and JPEG are kept; that type is the one it is served with), its size (at most 10 MiB:
-- kMaxDocumentBytes) and SHA-256 (one file once per application, so a form sent twice stores it
-- once), when and by whom it was uploaded. At most kMaxDocumentsPerApplication per application,
-- which the code checks with the application row locked.
CREATE TABLE application_document (
  document_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id    bigint NOT NULL REFERENCES application ON DELETE CASCADE,
  file_name         text NOT NULL CHECK (file_name <> '' AND length(file_name) <= 120),
  declared_type     text NOT NULL CHECK (length(declared_type) <= 100),
  media_type        text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes        integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content           bytea NOT NULL CHECK (octet_length(content) = size_bytes),
  uploaded_at       timestamptz NOT NULL DEFAULT now(),
  uploaded_by       text NOT NULL,
  UNIQUE (application_id, sha256)
);
