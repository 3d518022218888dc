-- The reason a reviewer gave for rejecting an application (one of ReviewRejectionReasons), which the applicant is
-- told in plain language; null for approvals and for decisions recorded before reviewers had to give one.
ALTER TABLE review_decision ADD COLUMN rejection_reason VARCHAR(40);
