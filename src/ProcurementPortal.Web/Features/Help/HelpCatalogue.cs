using static ProcurementPortal.Web.Features.Help.HelpAudience;
using static ProcurementPortal.Web.Features.Help.HelpStage;

namespace ProcurementPortal.Web.Features.Help;

/// <summary>
/// The help text of every page, written once: the layout shows a page's entry under "Help with this page", and the
/// user guides (HTML and PDF) are the entries of a role in lifecycle order. A new page without an entry fails the
/// build's tests (HelpCatalogueTests).
/// </summary>
public static class HelpCatalogue
{
    public static readonly IReadOnlyList<HelpGuide> Guides =
    [
        new("procurement-officer", "Procurement officer", ProcurementOfficer,
            "For officers who run procurements: market engagement, building and publishing the tender, answering questions, opening the bids, running the evaluation and the award, and the contract register and reports."),
        new("evaluator", "Evaluator", Evaluator,
            "For evaluators and moderators on a procurement's panel: declaring conflicts of interest, scoring bids blind, and agreeing consensus scores in moderation."),
        new("approver", "Approver", Approver,
            "For directors and decision panel members who approve awards, waivers and decision reports. You cannot approve anything you evaluated, moderated, recommended or wrote."),
        new("tenant-admin", "Tenant admin", TenantAdmin,
            "For the people who run a council's or commissioner's space on the portal: users and roles, the letterhead, working days, the audit log and the report template."),
        new("provider", "Provider", Provider,
            "For care and support providers: bid writers and provider admins. Find tenders, take part in market engagement, write and submit bids, and read your award letters."),
        new("platform-admin", "Platform admin", PlatformAdmin,
            "For the operators of the portal, who add the councils and NHS commissioners that use it."),
    ];

    public static readonly IReadOnlyList<HelpEntry> Entries =
    [
        // Getting started, and your account (every user).
        new("Home", "Index", Anyone, GettingStarted, "The home page",
            "Signed out, this page says what the portal is for. Signed in, it lists the organisations you belong to: choose one to go to its dashboard. If you work for a care provider and your organisation is not listed, register it."),
        new("Account", "SignIn", Anyone, GettingStarted, "Signing in",
            "Enter the email address and password of your account. One account works for every organisation you belong to. If you turned on two-factor authentication, we ask for a code next."),
        new("Account", "TwoFactor", Anyone, YourAccount, "Entering your authenticator code",
            "Open your authenticator app and enter the 6-digit code it shows for ProcurementPortal. If you have lost your phone, use one of your recovery codes instead."),
        new("Account", "RecoveryCode", Anyone, YourAccount, "Signing in with a recovery code",
            "Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once. When you are signed in, make new codes from your account page."),
        new("Account", "Register", Anyone, GettingStarted, "Creating an account",
            "Give your email address and choose a password. We email you a link: follow it to confirm your address before you sign in. You need only one account, even if you work for several organisations."),
        new("Account", "ConfirmEmail", Anyone, GettingStarted, "Confirming your email address",
            "This page opens from the link in your confirmation email. Once your address is confirmed you can sign in. If the link does not work, ask for a new one."),
        new("Account", "ResendConfirmation", Anyone, YourAccount, "Getting a new confirmation link",
            "Enter the email address of your account and we send a new link to confirm it. Only the newest link works."),
        new("Account", "ForgotPassword", Anyone, YourAccount, "Resetting a forgotten password",
            "Enter the email address of your account. If it has an account, we email it a link to choose a new password. The link works once."),
        new("Account", "ResetPassword", Anyone, YourAccount, "Choosing a new password",
            "Choose a new password and enter it twice. You then sign in with it; your old password stops working."),
        new("Account", "PasswordReset", Anyone, YourAccount, "Your password has been reset",
            "Your new password works now. Sign in with it."),
        new("Manage", "Index", Anyone, YourAccount, "Your account",
            "Change your password, turn two-factor authentication on or off, and choose which emails you get. Your account is yours, not your organisation's: it stays when you move between organisations."),
        new("Manage", "ChangePassword", Anyone, YourAccount, "Changing your password",
            "Enter your current password, then the new one twice. You stay signed in on this device."),
        new("Manage", "TwoFactor", Anyone, YourAccount, "Two-factor authentication",
            "Two-factor authentication asks for a code from an app on your phone each time you sign in, so a stolen password is not enough. Set up an app, or make new recovery codes if you have used yours."),
        new("Manage", "Authenticator", Anyone, YourAccount, "Setting up an authenticator app",
            "Scan the QR code with an authenticator app, or type the key into it. Then enter the code the app shows to turn two-factor authentication on. We then show your recovery codes: save them somewhere safe."),
        new("Manage", "RecoveryCodes", Anyone, YourAccount, "Your recovery codes",
            "Save these codes somewhere safe now: we do not show them again. Each code signs you in once if you lose your phone."),
        new("Manage", "DisableTwoFactor", Anyone, YourAccount, "Turning off two-factor authentication",
            "If you turn it off, your password alone signs you in. You can turn it on again at any time with a new authenticator set-up."),
        new("Notifications", "Index", Anyone, YourAccount, "Your notifications",
            "A copy of every email the portal sends you, newest first, so you can find it again. Open one to read it; it is then marked as read."),
        new("Notifications", "Show", Anyone, YourAccount, "Reading a notification",
            "This is the email as we sent it. Follow its links to act on it."),
        new("Notifications", "EmailPreferences", Anyone, YourAccount, "Choosing your emails",
            "You can turn reminder emails off. Receipts, clarifications, changes to tenders, award letters and account emails are always sent. Reminders you turn off still appear in your notifications and on your dashboard."),
        new("Invitations", "Show", Anyone, GettingStarted, "Accepting an invitation",
            "Someone has invited you to join their organisation with a role. Sign in with the email address the invitation was sent to, or create an account with it, then accept. An invitation expires after 7 days."),
        new("Dashboard", "Index", TenantMembers, GettingStarted, "What needs your attention",
            "Your dashboard lists what is due from you in this organisation, soonest first: scores, approvals, questions to answer, bids to open and contracts near their end. Follow a link to act on it."),
        new("Home", "Accessibility", Anyone, YourAccount, "Accessibility statement",
            "How accessible the portal is, what we know does not work yet, and how to report a problem."),
        new("Help", "Index", Anyone, YourAccount, "User guides",
            "Choose the guide for your role. Each guide has the help of every page you use, in the order you meet them. Read it here or download it as a PDF to print."),
        new("Help", "Guide", Anyone, YourAccount, "Reading a user guide",
            "The help of every page for this role, in the order of a procurement. Download the PDF to print it or share it."),

        // Running your organisation.
        new("Users", "Index", TenantAdmin, Administration, "Users and roles",
            "Everyone in your organisation with their roles, and the invitations not yet accepted. Invite a person to give them access; choose a person to change their roles or remove them."),
        new("Users", "Invite", TenantAdmin, Administration, "Inviting a user",
            "Enter their email address and choose their role. We email them a link to accept; it expires after 7 days. An approver should not also evaluate the procurements they approve."),
        new("Users", "Member", TenantAdmin, Administration, "Changing a person's roles",
            "Tick the roles this person needs and save. Removing them from the tenant takes away every role at once; their account stays."),
        new("Users", "Invitation", TenantAdmin, Administration, "An invitation",
            "Who the invitation is for, its roles and when it expires. Withdraw it if it went to the wrong person; the link then stops working."),
        new("Branding", "Edit", TenantAdmin, Administration, "Your letterhead",
            "Letters and reports carry this letterhead: your organisation's name as letters show it, and its logo. Changes apply to documents made from now on."),
        new("Branding", "Logo", TenantAdmin, Administration, "Uploading a logo",
            "Upload a PNG or JPEG image of your logo. It is printed at the top of letters and reports."),
        new("NonWorkingDays", "Index", TenantAdmin, Administration, "Non-working days",
            "Working days skip weekends and the England and Wales bank holidays. Add any other day your organisation does not count, such as a new bank holiday. Standstill periods and other working-day counts then skip it."),
        new("Audit", "Index", TenantAdmin, Administration, "The audit log",
            "Every change made in your organisation, newest first, with who made it and when. Filter by person, action or date. Each event is linked to the one before by a hash: check the trail to prove nothing was changed or removed."),
        new("Tenants", "Index", PlatformAdmin, Administration, "Tenants",
            "The councils and NHS commissioners that run procurements on the portal. Create a tenant to add one."),
        new("Tenants", "Create", PlatformAdmin, Administration, "Creating a tenant",
            "Give the organisation's name, the web address name its pages use, and the email of its first tenant admin. We email that person an invitation, which expires after 7 days."),
        new("Providers", "Register", Provider, GettingStarted, "Registering your organisation",
            "Register the care or support provider you work for with its Companies House number, charity number or both. You become its provider admin and can then bid to any commissioner on the portal."),
        new("Providers", "Dashboard", Provider, GettingStarted, "Your provider dashboard",
            "What needs your attention for this organisation, soonest first: bid deadlines, clarification answers, events and award letters. Follow a link to act on it."),
        new("Providers", "Users", Provider, Administration, "Your organisation's users",
            "The people of your provider organisation and their roles. A bid writer writes and submits bids; a provider admin also manages the organisation."),

        // Market engagement.
        new("MarketIntent", "Index", ProcurementOfficer, MarketEngagement, "Market engagement",
            "Market intent statements tell providers what you mean to buy, and invite them to engagement events. Write a statement, publish it, then see who registered and who expressed interest."),
        new("MarketIntent", "Create", ProcurementOfficer, MarketEngagement, "Writing a market intent statement",
            "Say what you intend to buy and why, the indicative value and the timetable. It stays a draft that only your organisation sees until you publish it."),
        new("MarketIntent", "Show", ProcurementOfficer, MarketEngagement, "A market intent statement",
            "Publish the statement to show it on your public notices page; unpublish it to take it down. Add engagement events here, and see how many providers have expressed interest."),
        new("MarketIntent", "Edit", ProcurementOfficer, MarketEngagement, "Changing a statement",
            "Change the statement and save. If it is published, providers see the change at once, with the date it was last changed."),
        new("MarketIntent", "NewEvent", ProcurementOfficer, MarketEngagement, "Adding an engagement event",
            "Give the event's name, day, start and end time (UK time), and the venue or online link. Set a capacity to limit places: when it is full, providers join a waiting list."),
        new("MarketIntent", "EditEvent", ProcurementOfficer, MarketEngagement, "Changing an engagement event",
            "Change the event's details and save. If you raise the capacity, providers on the waiting list take the free places and we email them."),
        new("MarketIntent", "Attendees", ProcurementOfficer, MarketEngagement, "Event attendees",
            "The providers registered for this event, and those on the waiting list. Download the list as a CSV file for the sign-in sheet."),
        new("MarketIntent", "Interest", ProcurementOfficer, MarketEngagement, "Expressions of interest",
            "Each provider's answers to your questions: the lots or areas they want and the capacity they could take on. Use them to shape the lots and volumes of the tender. Download them as a CSV file."),
        new("Notices", "Index", Provider, MarketEngagement, "A commissioner's notices",
            "What this commissioner means to buy, and its tenders open now. Open a statement to register for its events or express interest. Follow new notices with the Atom feed."),
        new("Notices", "Show", Provider, MarketEngagement, "A market intent statement",
            "What the commissioner means to buy, the indicative value and the timetable. Register for an engagement event, or tell them you are interested. Only people of a registered provider organisation can do either."),
        new("Notices", "Register", Provider, MarketEngagement, "Registering for an event",
            "Register your organisation for this event, naming who will come. If the event is full, you join the waiting list and we email you if a place becomes free."),
        new("Notices", "Interest", Provider, MarketEngagement, "Expressing interest",
            "Tell the commissioner which lots or areas interest you and how much support you could take on. Your answers help shape the tender; sending them again replaces your earlier answers."),

        // Building the tender.
        new("Procurements", "Index", TenantMembers, BuildingTheTender, "Procurements",
            "Every procurement of your organisation with its stage. Open one to see its details, lots, evaluation model, bids and award."),
        new("Procurements", "New", ProcurementOfficer, BuildingTheTender, "Starting a procurement",
            "Give the title, description, value, budget, contract term and timetable. The procurement starts as a draft: add lots, fee bands and the evaluation model, then publish it. Deadlines are UK time."),
        new("Procurements", "Show", TenantMembers, BuildingTheTender, "A procurement",
            "Everything about one procurement: details, lots and fee bands, affordability, documents, questions and the evaluation model. Publish it when it is ready; its details are then frozen. After the deadline, two different procurement officers must each confirm the opening before anyone can read a bid."),
        new("Procurements", "Edit", ProcurementOfficer, BuildingTheTender, "Changing a procurement",
            "Change the details and timetable while the procurement is a draft. Once published, a change to the tender goes out as an addendum."),
        new("Procurements", "NewLot", ProcurementOfficer, BuildingTheTender, "Adding a lot",
            "A lot is a part of the procurement bid for and awarded separately, such as an area or a type of service. Give its name, and if you wish the most providers to appoint and its yearly budget. Then add its fee bands."),
        new("Procurements", "EditLot", ProcurementOfficer, BuildingTheTender, "Changing a lot",
            "Change the lot's name, area, description, number of providers or budget, and save."),
        new("Procurements", "RemoveLot", ProcurementOfficer, BuildingTheTender, "Removing a lot",
            "Removing a lot also removes its fee bands. You can do this only while the procurement is a draft."),
        new("Procurements", "NewBand", ProcurementOfficer, BuildingTheTender, "Adding a fee band",
            "A band is a level of assessed need with its own rate. Give its code, name, unit, the ceiling rate (the highest rate a bid may offer) and the expected volume a year. The evaluated price of a bid is its rates times these volumes."),
        new("Procurements", "EditBand", ProcurementOfficer, BuildingTheTender, "Changing a fee band",
            "Change the band's name, unit, ceiling rate or expected volume, and save. The affordability figures change with it."),
        new("Procurements", "RemoveBand", ProcurementOfficer, BuildingTheTender, "Removing a fee band",
            "Removing a band takes it out of the lot's price schedule. You can do this only while the procurement is a draft."),
        new("Procurements", "ImportFeeSchedule", ProcurementOfficer, BuildingTheTender, "Uploading a fee schedule",
            "Upload the fee schedule as CSV or Excel, with the columns of the downloaded one. The bands of each lot in the file replace that lot's bands. If any row has a problem, nothing changes and every problem is listed."),
        new("Procurements", "Cancel", ProcurementOfficer, BuildingTheTender, "Cancelling a procurement",
            "A procurement can be cancelled at any stage before the award. Cancelling cannot be undone: to buy the service later, start a new procurement."),
        new("Procurements", "EvaluationModel", ProcurementOfficer | Evaluator, BuildingTheTender, "The evaluation model",
            "Sections and questions, each pass/fail or scored 0 to 5 with a descriptor for every score, a weight and an optional minimum score. Scored questions' weights and the price weight must add up to 100%. The model is frozen when the tender is published."),
        new("Procurements", "Price", ProcurementOfficer, BuildingTheTender, "Price weight and settings",
            "Set the price weight and the price formula, how ties are ranked, whether evaluators see bidders' names, and the abnormally low threshold. A price more than that far below the lot's mean is flagged and the bidder asked to explain."),
        new("Procurements", "NewSection", ProcurementOfficer, BuildingTheTender, "Adding a section",
            "A section groups questions, such as Quality or Social value. Give it a title, then add its questions."),
        new("Procurements", "EditSection", ProcurementOfficer, BuildingTheTender, "Changing a section",
            "Change the section's title and save."),
        new("Procurements", "RemoveSection", ProcurementOfficer, BuildingTheTender, "Removing a section",
            "Removing a section also removes its questions."),
        new("Procurements", "NewQuestion", ProcurementOfficer, BuildingTheTender, "Adding a question",
            "Choose pass/fail, scored or information only. A scored question needs a weight and a descriptor for each score from 0 to 5; a bid below its minimum score is excluded. Tick lots only if it does not apply to every lot."),
        new("Procurements", "EditQuestion", ProcurementOfficer, BuildingTheTender, "Changing a question",
            "Change the question, its weight, descriptors, minimum score, word limit or attachment rule, and save."),
        new("Procurements", "RemoveQuestion", ProcurementOfficer, BuildingTheTender, "Removing a question",
            "Removing a question takes it out of the model. Check the weights still add up to 100%."),
        new("Procurements", "CopyModel", ProcurementOfficer, BuildingTheTender, "Copying an evaluation model",
            "Choose an earlier procurement to copy its sections, questions, weights, descriptors and price settings. You see what will be copied before anything changes."),
        new("Procurements", "CopyModelFrom", ProcurementOfficer, BuildingTheTender, "Confirming the copy",
            "Check what will be copied. Questions keep their lots where this procurement has a lot of the same name; the others apply to all lots. Copying replaces any model this procurement has now."),
        new("TenderDocuments", "Index", ProcurementOfficer, BuildingTheTender, "Tender documents",
            "The documents providers download once the tender is published and they have registered interest. Until then you can change them freely; after publishing, they change only through an addendum."),
        new("TenderDocuments", "Upload", ProcurementOfficer, BuildingTheTender, "Uploading a document",
            "Choose the file and give it a title, such as Service specification. Without a title the file name is used."),
        new("TenderDocuments", "UploadVersion", ProcurementOfficer, BuildingTheTender, "Uploading a new version",
            "Upload the replacement file. Earlier versions are kept; providers download the latest."),

        // While the tender is open.
        new("Procurements", "Clarifications", ProcurementOfficer, TenderOpen, "Clarification questions",
            "Providers ask questions privately before the clarification deadline. An answer you publish is emailed to every provider that registered interest, without the name of the provider who asked. You can also publish a notice of your own."),
        new("Procurements", "Answer", ProcurementOfficer, TenderOpen, "Answering a question",
            "Rewrite the question so it does not name or identify the provider who asked, then write the answer. Publishing sends both to every interested provider."),
        new("Procurements", "Notice", ProcurementOfficer, TenderOpen, "Publishing a notice",
            "A notice is published like an answered question: every provider can read it, and it is emailed once to every provider that registered interest."),
        new("Addenda", "Index", ProcurementOfficer, TenderOpen, "Addenda",
            "An addendum changes or explains a published tender. Write one as a draft, add any new documents, then publish it."),
        new("Addenda", "New", ProcurementOfficer, TenderOpen, "Writing an addendum",
            "Say what the addendum changes or explains. It can correct the tender, give every bidder more time and bring new or replaced documents. Lots, fee bands and the evaluation model cannot change."),
        new("Addenda", "Show", ProcurementOfficer, TenderOpen, "An addendum",
            "Check the addendum and its documents. Publishing emails it to every interested provider and applies any new deadlines. It cannot be undone."),
        new("FindWork", "Index", Provider, TenderOpen, "Finding open tenders",
            "Open tenders from every commissioner on the portal, soonest deadline first. Filter the list, then open a tender to read it and register interest."),
        new("Opportunities", "Show", Provider, TenderOpen, "A tender",
            "The tender's summary, timetable, lots and fee bands. Register interest to download the documents and get clarification answers and changes by email. Ask a question before the clarification deadline; the answer goes to every bidder without your name."),
        new("ProviderLetters", "Letters", Provider, AwardAndStandstill, "Your award letters for a tender",
            "The letters for this tender, one per lot you bid for. Each shows your scores beside the winner's and the end of the standstill period."),
        new("ProviderLetters", "Inbox", Provider, AwardAndStandstill, "Award letters",
            "Every award letter sent to your organisation, newest first. When a commissioner decides a tender you bid for, its letter appears here and by email."),

        // Writing and submitting a bid.
        new("Bids", "Index", Provider, Bidding, "Your bid",
            "Your bid has parts: lots, answers, attachments, prices and declarations. Complete each part, then check your answers and submit before the deadline. Only your organisation can see your bid, and it stays sealed until the commissioner opens the bids."),
        new("Bids", "Lots", Provider, Bidding, "Choosing lots",
            "Tick every lot you want to bid for. You then answer the questions and price the bands of those lots."),
        new("Bids", "Question", Provider, Bidding, "Answering a question",
            "Write your answer within the word limit; it is saved as you type. Evaluators score it 0 to 5 against the published descriptors, so answer what the question asks."),
        new("Bids", "Prices", Provider, Bidding, "Your price schedule",
            "Enter a rate for every band of each lot you bid for. A rate above the ceiling rate is refused or flagged to the evaluators, as the tender says. The evaluated price of a lot is the sum of each rate times the expected volume a year."),
        new("Bids", "Declarations", Provider, Bidding, "Declarations",
            "Give your CQC registration number, your employer's and public liability insurance cover, and any conflicts of interest (write None if there are none). You cannot submit the bid until all of them are filled in."),
        new("Bids", "Check", Provider, Bidding, "Checking and submitting your bid",
            "Check every answer, then submit. The time we receive your bid is taken from the portal's clock: a bid received after the deadline is refused and your draft kept. You can submit again before the deadline to replace your bid."),
        new("Bids", "Receipt", Provider, Bidding, "Your bid receipt",
            "Your bid was received at the time shown. We email the receipt to you and your organisation's admins. Keep the hash: it proves what you submitted."),
        new("Bids", "Attachments", Provider, Bidding, "Attaching files to your bid",
            "Add files that support your bid as a whole, such as insurance certificates or CQC registration. Files are encrypted and stay sealed with your bid until the commissioner opens the bids."),
        new("Bids", "QuestionAttachments", Provider, Bidding, "Attaching files to an answer",
            "Add the files this answer needs. If the question says a file is required, you cannot submit without one."),
        new("Bids", "Withdraw", Provider, Bidding, "Withdrawing your bid",
            "A withdrawn bid does not count. You can submit it again before the deadline; after it, you cannot."),

        // Opening and evaluating the bids.
        new("Evaluation", "Index", ProcurementOfficer | Evaluator, OpeningAndEvaluation, "Your evaluation",
            "Before you see any bid, declare for each bidder whether you have a conflict of interest; a conflict takes you off that bid. Then score each bid you are given by the date shown."),
        new("Evaluation", "Bid", Evaluator, OpeningAndEvaluation, "Scoring a bid",
            "The questions of this bid you are to score. Open each one, score it and give your justification. You cannot see the other evaluators' scores until moderation."),
        new("Evaluation", "Question", Evaluator, OpeningAndEvaluation, "Scoring a question",
            "Read the answer and give a score from 0 to 5 against the descriptors. Your justification must say what in the answer earns the score, in at least 20 characters."),
        new("Evaluation", "Panel", ProcurementOfficer, OpeningAndEvaluation, "The evaluation panel",
            "Choose the evaluators, the moderator (who does not score) and when scores are due. Leave an evaluator's lots unticked and they score every lot."),
        new("Evaluation", "External", ProcurementOfficer, OpeningAndEvaluation, "Adding an external evaluator",
            "For an evaluator from outside your organisation, such as a clinician from a partner. We email them an invitation; they join the panel when they accept it."),
        new("Evaluation", "Gates", ProcurementOfficer, OpeningAndEvaluation, "Pass/fail questions",
            "Decide each bid's pass/fail questions, such as CQC registration and insurance. A bid goes to the evaluators only when it passes every one; a bid that fails is excluded with the reason recorded."),
        new("Evaluation", "Gate", ProcurementOfficer, OpeningAndEvaluation, "Deciding a pass/fail question",
            "Read the answer and decide pass or fail. A fail needs a reason, which is recorded with the decision."),
        new("Evaluation", "Progress", ProcurementOfficer, OpeningAndEvaluation, "Evaluation progress",
            "Who has declared and who has scored what, against the date scores are due. Chase anyone who is behind."),
        new("Evaluation", "Prices", ProcurementOfficer, OpeningAndEvaluation, "Price evaluation",
            "Each bid's evaluated price is its rates times the expected volumes, for bids that passed every pass/fail question. Price scores follow the formula of the tender. Abnormally low prices are flagged and the bidder asked to explain."),
        new("Evaluation", "Moderation", ProcurementOfficer | Evaluator, OpeningAndEvaluation, "Moderation",
            "The evaluators' scores side by side. Scores 2 or more points apart are flagged. Agree a consensus score for each question with a rationale; the consensus score is the one that counts."),
        new("Evaluation", "Moderate", ProcurementOfficer | Evaluator, OpeningAndEvaluation, "Agreeing a consensus score",
            "Enter the score the panel agreed, from 0 to 5, and the rationale: why the panel agreed it, in at least 20 characters."),
        new("Evaluation", "Results", ProcurementOfficer | Evaluator, OpeningAndEvaluation, "Evaluation results",
            "The ranking per lot: quality and price scores, exclusions and the expected cost. Publish the ranking as the award recommendation when moderation is done. Download the report as PDF or CSV."),

        // Award and standstill.
        new("Award", "Index", ProcurementOfficer | Approver, AwardAndStandstill, "The award",
            "The award's progress: recommendation, approval, letters and the contract award notice. Once approved, send every bidder its letter, then publish the notice. Under the Procurement Act 2023 the standstill is 8 working days, beginning with the day the notice is published."),
        new("Award", "Recommendation", ProcurementOfficer, AwardAndStandstill, "The award recommendation",
            "Tick the providers to appoint in each lot; the ranking's choice is ticked to start with. If you appoint others, give your reasons. Choose the standstill rule and save; an approver who did not evaluate then decides it."),
        new("Award", "Decision", Approver, AwardAndStandstill, "Approving or rejecting the award",
            "Read the recommendation and approve or reject it; a rejection needs your comments. You cannot decide an award you evaluated, moderated or recommended."),
        new("Award", "Challenge", ProcurementOfficer, AwardAndStandstill, "Recording a challenge",
            "Record a challenge made during the standstill. It stops the award: no contract is made until the challenge is resolved."),

        // Contracts.
        new("Contracts", "Index", ProcurementOfficer | Approver | TenantAdmin, Contracts, "The contract register",
            "Every contract your organisation has let, on the portal or outside it. Filter by provider or lot, sort by end date, or download the list as CSV. You are reminded 6, 3 and 1 months before a contract ends."),
        new("Contracts", "Show", ProcurementOfficer | Approver | TenantAdmin, Contracts, "A contract",
            "The contract's provider, lot, dates, value and extension options, with its expiry reminders. Extend it by a waiver report if it must run on while the service is procured again."),
        new("ContractRecords", "Record", ProcurementOfficer, Contracts, "Recording an existing contract",
            "Add a contract let before the portal or outside it. It then appears in the register, can be extended by a waiver, and you are reminded before it ends."),

        // Decision and waiver reports.
        new("DecisionReports", "Index", ProcurementOfficer | Approver | TenantAdmin, Reports, "Decision reports",
            "Reports for the delegated decision panel: drafted from a procurement's data, or a waiver to extend contracts. An officer writes and sends one for review; an approver who did not write it approves or rejects it."),
        new("DecisionReports", "New", ProcurementOfficer, Reports, "Drafting a decision report",
            "Choose the procurement and give the report a title. The report starts from the procurement's data, such as its value and budget; you then write the rest."),
        new("DecisionReports", "NewWaiver", ProcurementOfficer, Reports, "Drafting a waiver report",
            "A waiver asks to extend contracts without competition while their services are procured again. Choose the contracts from your register and how many months to extend them by."),
        new("DecisionReports", "Show", ProcurementOfficer | Approver | TenantAdmin, Reports, "A decision report",
            "The report as it prints. The officer sends it for review; an approver who did not write it approves or rejects it. An approved version cannot change: make a new version instead. Download it as PDF or Word."),
        new("DecisionReports", "Edit", ProcurementOfficer, Reports, "Changing a decision report",
            "Write the summary, recommendations, background, options appraisal, value and savings, equality impact and implications. Leave a blank line between paragraphs. A decision above the key decision threshold must go on the forward plan 28 clear days before."),
        new("DecisionReports", "Template", TenantAdmin, Reports, "The decision report template",
            "Choose the sections every decision report prints, their order and the standing text under each heading. Set the key decision threshold: a decision worth more goes on the forward plan 28 clear days before."),
    ];

    private static readonly Dictionary<(string, string), HelpEntry> ByPage =
        Entries.ToDictionary(e => (e.Controller, e.Action), e => e, new PageKeyComparer());

    /// <summary>The help of a page, or null when it has none (a download, an error page).</summary>
    public static HelpEntry? For(string? controller, string? action) =>
        controller is null || action is null ? null : ByPage.GetValueOrDefault((controller, action));

    public static HelpGuide? Guide(string slug) => Guides.FirstOrDefault(g => g.Slug == slug);

    /// <summary>A guide's entries in lifecycle order; within a stage, in the order written here.</summary>
    public static IReadOnlyList<HelpEntry> EntriesOf(HelpGuide guide) =>
        [.. Entries.Where(guide.Includes).OrderBy(e => e.Stage)];

    /// <summary>The guides a page's help appears in (all of them for a page anyone uses).</summary>
    public static IReadOnlyList<HelpGuide> GuidesWith(HelpEntry entry) => [.. Guides.Where(g => g.Includes(entry))];

    private sealed class PageKeyComparer : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string, string) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item2));
    }
}
