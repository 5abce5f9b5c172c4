-- The term of a course pre-approval line (mobilities/course_preapprovals.hpp): which term of the
-- receiving academic year the host course is taken in, counted as a learning agreement's component
-- counts it (mobilities::TermId, EWP OMobility LAs' term-id: term 1 of 2 is the autumn term, 2 of 2
-- the spring term, 1 of 1 the whole year). An approved line goes into the learning agreement with
-- this term instead of one guessed from other courses.
ALTER TABLE preapproval_line ADD COLUMN term_number smallint, ADD COLUMN total_terms smallint;

-- The lines proposed before: the mobility's first term, as a new line gets it
-- (mobilities::first_term): the term of its sending academic term ("2026/2027-1/2": 1 of 2), or
-- 1 of 2 when it names none.
UPDATE preapproval_line p
   SET term_number = CASE WHEN t.number <= t.total THEN t.number ELSE 1 END,
       total_terms = CASE WHEN t.number <= t.total THEN t.total ELSE 2 END
  FROM (SELECT omobility_id,
               substring(content->'nomination'->>'sending_academic_term_id' FROM '-([1-9])/[1-9]$')::smallint AS number,
               substring(content->'nomination'->>'sending_academic_term_id' FROM '-[1-9]/([1-9])$')::smallint AS total
          FROM omobility) t
 WHERE t.omobility_id = p.omobility_id;

ALTER TABLE preapproval_line
  ALTER COLUMN term_number SET NOT NULL,
  ALTER COLUMN total_terms SET NOT NULL,
  ADD CONSTRAINT preapproval_line_term CHECK (total_terms BETWEEN 1 AND 9 AND term_number BETWEEN 1 AND total_terms);
